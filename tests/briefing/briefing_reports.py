"""Our own short reports for the briefing tests: a succession of leaders, an alliance, an arrest that
the other report calls a surrender; and one whose title, name and source carry markup."""

LEADERS_REPORT = """\
---
title: The leaders of the Northern Valley Front
date: 2022-02-01
publisher: Frontier Monitor
---
# The leaders of the Northern Valley Front

Karim Osman founded the Northern Valley Front (NVF) in March 2012.[^1] Security forces killed Karim Osman in Swat \
on 4 May 2016.[^2]

Yusuf Haddad took over the leadership of the NVF in May 2016.[^2] Police arrested Yusuf Haddad in Peshawar on \
9 June 2019.[^3] Bilal Qadri took over the leadership of the NVF in June 2019.[^3]

The NVF is allied with the Delta Brotherhood Network.[^4] The Delta Brotherhood Network is based in Karachi.[^4]

[^1]: Sara Lindqvist, "Splinters in the Valley", Frontier Review, 12 January 2013, https://frontier-review.example.org/splinters.
[^2]: "Valley commander killed", Daily Ledger, 5 May 2016, https://ledger.example.com/commander-killed.
[^3]: "New chief for the Valley Front", Coastal Times, 20 June 2019, https://coastal-times.example.net/new-chief.
[^4]: UN Monitoring Team, "Report on the valley groups", United Nations, 2020.
"""

CUSTODY_REPORT = """\
---
title: A commander in custody
date: 2019-07-02
publisher: Valley Watch
---
# A commander in custody

Yusuf Haddad, the leader of the Northern Valley Front, surrendered to the police in Peshawar in June 2019.
"""

MARKUP_REPORT = """\
---
title: The <script>alert("title")</script> Brigade
date: 2021-03-04
publisher: Frontier <b>Monitor</b>
---
# The Brigade

Omar Said leads the <script>alert("name")</script> Brigade since 2018.[^1]

[^1]: Sara Lindqvist, "<script>alert('source')</script> at night", Frontier Review, 12 January 2019, javascript:alert(1).
"""
MARKUP_NAME = '<script>alert("name")</script> Brigade'
