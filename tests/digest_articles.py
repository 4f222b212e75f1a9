"""Hand-written news reports for the digest tests: several stories, some told by several sources.

Each report is (story, source, title, lead); the story label is the ground truth
for grouping. Reports of one story are worded differently on purpose; some other
stories share their topic (two central-bank decisions, two Greek news items).
"""

from __future__ import annotations

REPORTS: tuple[tuple[str, str, str, str], ...] = (
    (
        "ecb",
        "Reuters",
        "ECB lifts rates to record 4.5% as inflation lingers",
        "The European Central Bank raised its deposit rate by a quarter point to a record 4.5% "
        "on Thursday, its tenth consecutive increase. President Christine Lagarde said inflation "
        "was expected to remain too high for too long. Markets read the statement as a signal "
        "that the hiking cycle in Frankfurt may now be over.",
    ),
    (
        "ecb",
        "AP",
        "European Central Bank raises key interest rate for a tenth straight time",
        "Policymakers in Frankfurt pushed borrowing costs for the 20 countries that use the euro "
        "to 4.5%, the highest since the currency was launched in 1999. Lagarde told reporters "
        "that the bank was not saying rates had peaked. Economists warned that the increase "
        "would weigh on an already stagnating eurozone economy.",
    ),
    (
        "ecb",
        "BBC",
        "Eurozone borrowing costs hit all-time high after ECB decision",
        "Mortgage holders across the eurozone face higher payments after the ECB decided to put "
        "its main rate up again, to 4.5%. Germany's finance ministry welcomed the step against "
        "inflation, while trade unions in Italy accused the bank of pushing Europe into recession. "
        "Lagarde insisted that price stability came first.",
    ),
    (
        "boe",
        "Guardian",
        "Bank of England holds interest rates at 5.25% after surprise fall in inflation",
        "The Bank of England kept its base rate unchanged at 5.25% on Thursday, ending a run of "
        "fourteen consecutive rises. Governor Andrew Bailey said the committee was not complacent "
        "and that rates would stay high for some time. Homeowners with tracker mortgages welcomed "
        "the pause after months of rising bills.",
    ),
    (
        "rhodes",
        "Reuters",
        "Thousands evacuated from Rhodes as wildfire spreads",
        "Greek authorities evacuated about 19,000 people from villages and beach hotels on the "
        "island of Rhodes as a wildfire fanned by strong winds spread towards the coast. Coast "
        "guard boats and private vessels ferried tourists from beaches at Kiotari and Lindos. "
        "The fire service said the blaze had been burning for five days.",
    ),
    (
        "rhodes",
        "Sky News",
        "Tourists flee hotels on Greek island as flames close in",
        "Holidaymakers on Rhodes described sleeping on school floors after fleeing hotels in the "
        "night as fire swept down the hills near Lindos. Greece's climate crisis minister said it "
        "was the largest evacuation from a wildfire the country had ever carried out. Tour "
        "operators cancelled flights to the island for the rest of the week.",
    ),
    (
        "athens-strike",
        "AP",
        "Greek rail workers strike over safety after deadly crash",
        "Train services across Greece were halted as rail workers walked out for a second day, "
        "demanding safety improvements after the collision near Tempe that killed 57 people. "
        "The transport minister promised new signalling systems within a year. Unions said "
        "promises had been made before and never kept.",
    ),
    (
        "football",
        "BBC",
        "Late penalty sends Arsenal top of the Premier League",
        "Bukayo Saka scored from the spot in stoppage time as Arsenal beat Brentford 1-0 to go "
        "top of the Premier League table. Mikel Arteta praised his side's patience against a "
        "well-organised defence. Brentford manager Thomas Frank said the penalty decision was "
        "harsh.",
    ),
    (
        "chip-export",
        "Financial Times",
        "US tightens curbs on advanced chip exports to China",
        "The US commerce department announced new restrictions on the export of advanced "
        "semiconductors and chipmaking tools to China, closing loopholes left by rules issued a "
        "year ago. Beijing's foreign ministry said the measures violated market principles. "
        "Shares in Nvidia fell 4% in early trading.",
    ),
)
