"""Cue lexicons of the rules: general English and motorsport words, never names.

Every set holds lower-case lemmas (or surface words where the comment says so). The
rules in :mod:`.entities` and :mod:`.relations` read them; nothing here names a
person, a team or an article.
"""

from __future__ import annotations

# --- entity typing -------------------------------------------------------------------

TEAM_SUFFIXES = frozenset({
    "racing", "motorsports", "motorsport", "garage", "autosport", "autosports",
    "enterprises", "motor club", "racing team", "motorsports team", "race engineering",
})
"""Last word(s) of a capitalized name that make it a race team ("X Racing", "X Garage")."""

TEAM_PREFIXES = frozenset({"team"})
"""First word of a capitalized name that makes it a race team ("Team X")."""

TRACK_SUFFIXES = frozenset({
    "speedway", "raceway", "superspeedway", "motorplex", "international", "circuit",
    "motor speedway", "street course", "road course", "speedweeks",
})
"""Last word(s) of a capitalized name that make it a racing venue."""

ORG_SUFFIXES = frozenset({
    "inc", "inc.", "corp", "corp.", "corporation", "company", "co.", "group", "llc",
    "association", "foundation", "network", "media", "sports", "news", "radio", "tv",
    "holdings", "brands", "development", "performance", "industries", "energy", "insurance",
    "foods", "food", "batteries", "oil", "auto", "parts", "bank", "financial", "solutions",
    "services", "systems", "technologies", "technology", "logistics", "tools", "drinks",
    "beverages", "brewing", "beer", "wireless", "mobile", "airlines", "hotels", "restaurants",
    "pizza", "supply", "supplies", "equipment", "products", "homes", "realty", "capital",
    "partners", "labs", "software", "store", "stores", "outdoors", "motors", "trucking",
    "transport", "freight", "health", "healthcare", "pharmacy", "coffee", "snacks", "candy",
    "cola", "soda", "water", "chips", "lubricants", "tires", "tire", "electric", "power",
    "communications", "telecom", "entertainment", "studios", "games", "casino", "resorts",
    "lottery", "wholesale", "construction", "manufacturing", "chemicals", "plastics", "steel",
    "lumber", "hardware", "rentals", "rental", "cars", "apparel", "clothing", "cigarettes",
    "whiskey", "vodka", "bourbon", "spirits", "wine", "wines", "fuel", "fuels", "gas",
    "petroleum", "university", "college", "institute", "club", "league", "federation",
    "council", "commission", "department", "agency", "administration", "office", "ministry",
    "kitchen", "grill", "cafe", "restaurant", "steakhouse", "bakery", "market", "shops",
    "outfitters", "depot", "mart", "roofing", "plumbing", "electric", "coolers", "homes",
    "management", "ventures", "enterprises", "industries", "motorsport", "airways",
    "engineering", "transportation", "express", "automation", "fraternity",
    # media
    "ledger", "times", "post", "journal", "gazette", "herald", "tribune", "wire", "daily",
    "weekly", "magazine", "podcast", "press", "observer", "bulletin", "insider", "digest",
    "review", "pulse", "report",
})
"""Last word of a capitalized name that makes it an organization."""

DESCRIPTOR_WORDS = frozenset({
    "newcomer", "famer", "sponsor", "partner", "former", "longtime", "veteran", "rookie",
    "founder", "co-founder", "owner", "co-owner", "driver", "teammate", "champion",
    "president", "ceo", "chairman", "chairwoman", "executive", "spokesman", "spokeswoman",
    "analyst", "reporter", "legend", "star", "crew", "chief", "youngster", "prospect",
    "defending", "reigning", "two-time", "three-time", "four-time", "seven-time",
    "sophomore", "fellow", "retired", "late", "teenager",
})
"""Capitalized words that open a sentence before a name ("Newcomer <Company> will ...",
"Hall of Famer <Person>", "Founder <Person> said"): not part of the name."""

SENTENCE_OPENERS = frozenset({
    "today", "tonight", "yesterday", "tomorrow", "tell", "ask", "let", "thank", "thanks",
    "congrats", "congratulations", "meanwhile", "however", "still", "sure", "yes", "no",
    "well", "hey", "okay"})
"""Capitalized words that open a sentence or a quotation before a name ("Today Jimmy gave
me a car", "Tell Colt to check his mirrors"): never part of the name."""

NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
"""Generational suffixes of personal names, skipped when taking a surname."""

NAME_PARTICLES = frozenset({"de", "da", "del", "van", "von", "la", "le", "di", "st.", "mc"})

GENERIC_CAPITALIZED = frozenset({
    # words a capitalized span made only of is never a name
    "cup", "truck", "trucks", "series", "xfinity", "championship", "playoffs", "playoff",
    "race", "round", "season", "team", "racing", "garage", "motorsports", "speedway",
    "driver", "drivers", "crew", "chief", "owner", "the", "a", "an", "and", "of", "in",
    "on", "for", "with", "new", "old", "north", "south", "east", "west", "final", "stage",
    "lap", "laps", "pole", "qualifying", "practice", "rookie", "champion", "car", "cars",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "daytona", "watch", "video", "photo", "photos",
    "getty", "images", "ap", "click", "read", "more", "related", "sign", "subscribe",
    "advertisement", "twitter", "x", "facebook", "instagram", "youtube", "tiktok",
    "nascar", "arca", "indycar", "formula", "one", "f1", "god", "mr", "mrs", "ms", "dr",
})

NOT_NAMES = frozenset({
    "victory lane", "pit road", "all-star race", "tunnel turn", "super late model",
    "late model", "silly season", "hall of fame", "next gen", "championship 4",
    "championship four", "round of 12", "round of 16", "round of 8", "in-season challenge",
    "checkered flag", "green flag", "white flag", "race control", "infield care center",
    "care center", "media center", "playoff", "playoffs", "regular season", "the chase",
    "turn 1", "turn 2", "turn 3", "turn 4", "cup series", "truck series", "xfinity series",
    # where a driver is from, capitalized as a name would be ("the New Zealander")
    "new zealander", "australian", "american", "canadian", "mexican", "brazilian", "british",
    "italian", "french", "german", "japanese", "texan", "californian", "floridian",
    "virginian", "north carolinian", "south carolinian", "new yorker", "midwesterner",
    "southerner", "hoosier", "kiwi", "aussie",
})
"""NASCAR phrases and demonyms written with capitals that are no person's or company's name."""

ROLE_DRIVER = frozenset({
    "driver", "drivers", "racer", "rookie", "wheelman", "pilot", "veteran", "teammate",
    "teammates", "champion", "champ", "winner", "star", "youngster", "prospect", "leader",
    "pole-sitter", "polesitter", "runner-up", "contender", "title-holder", "racers",
})
"""Nouns that type the person they describe as a driver ("rookie X", "X, the driver")."""

ROLE_CREW_CHIEF = frozenset({"crew chief", "crew chiefs", "crew-chief", "crewchief"})
"""Surface forms (lower case) naming the crew-chief role."""

ROLE_OWNER = frozenset({"owner", "co-owner", "coowner", "owners", "co-owners", "founder",
                        "co-founder", "proprietor", "part-owner"})

ROLE_PERSON = frozenset({
    "president", "vice", "executive", "ceo", "chairman", "chairwoman", "chair", "director",
    "manager", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
    "engineer", "spotter", "analyst", "reporter", "journalist", "writer", "columnist",
    "broadcaster", "commentator", "host", "announcer", "producer", "editor", "correspondent",
    "commissioner", "principal", "coach", "agent", "adviser", "advisor", "consultant",
    "chief", "cfo", "coo", "vp", "gm", "partner", "boss", "mechanic", "crewman", "tuner",
    "legend", "fan", "singer", "rapper", "actor", "actress", "player", "quarterback", "golfer",
    "changer", "jackman", "fueler", "gasman", "businessman", "businesswoman", "entrepreneur",
    "investor", "author", "podcaster",
})
"""Nouns that type the person they describe as a Person (neither driver nor crew chief; a
pit crew member, "tire changer X", "jackman X", is a Person)."""

PLACE_HEADS = frozenset({
    "investor", "investors", "group", "firm", "company", "native", "resident", "businessman",
    "businesswoman", "area", "suburb", "headquarters", "office", "based", "chain", "bank"})
"""Nouns a place name modifies as a place, not a race track ("a <City> investor group")."""

OWNING_FORMS = frozenset({
    "own", "owns", "owned", "co-own", "co-owns", "co-owned", "coowned", "founded",
    "co-founded", "cofounded"})
"""Forms of owning verbs whose "by X" / "with X" is an owner ("co-owned by X and Y")."""

VERB_ROLES = {
    "drive": ("driver",), "race": ("driver",), "pilot": ("driver",), "compete": ("driver",),
    "spot": ("spotter",), "own": ("owner",), "co-own": ("owner",), "found": ("founder",),
    "co-found": ("founder",), "cover": ("reporter",),
    "write": ("writer",), "host": ("host",),
}
"""What the verb of "X, who <verb>s ..." or "X <verb>s ..." makes X: "spots for Y" a
spotter, "writes about NASCAR" a writer."""

FAMILY_WORDS = frozenset({"father", "mother", "son", "daughter", "wife", "husband",
                          "brother", "sister", "uncle", "aunt", "grandfather", "grandmother",
                          "grandson", "granddaughter", "dad", "mom", "cousin", "nephew",
                          "niece", "stepfather", "stepmother", "stepson", "stepdaughter",
                          "fiancee", "fiancée", "girlfriend", "boyfriend"})
"""Relatives: a weak cue that a person is no driver (many drivers are someone's son)."""

TITLE_NOUNS = frozenset({
    "president", "executive", "ceo", "chairman", "chairwoman", "director", "manager",
    "official", "spokesman", "spokeswoman", "spokesperson", "engineer", "spotter",
    "commissioner", "principal", "cfo", "coo", "vp", "gm", "boss", "employee", "staffer",
    "partner", "adviser", "advisor", "consultant", "analyst", "reporter", "journalist",
    "writer", "columnist", "broadcaster", "commentator", "correspondent", "member",
    "representative", "head", "lead", "leader", "mechanic", "crewman", "shareholder",
    "investor", "officer", "changer", "jackman", "fueler", "carrier", "fabricator",
    "strategist", "coordinator", "ambassador", "founder", "co-founder", "cmo", "cto",
    "treasurer", "secretary", "counsel", "scout", "trainer", "chairman", "chairwoman",
})
"""Nouns of a position held in an organization ("X, president of Y", "Y executive X")."""

PERSON_VERBS = frozenset({
    "say", "tell", "add", "feel", "think", "explain", "admit", "recall", "laugh", "smile",
    "joke", "insist", "note", "believe", "want", "hope", "know", "drive", "race", "win",
    "finish", "crash", "spin", "wreck", "confront", "shove", "punch", "praise", "vouch",
    "retire", "marry", "celebrate", "lead", "qualify", "pit", "pass", "dominate", "grow",
    "own", "co-own", "watch", "agree", "tweet", "post", "call", "describe", "add", "ask",
    "reply", "respond", "answer", "argue", "claim", "tell", "write", "speak", "talk",
})
"""Verbs whose subject is a person rather than a company ("X said", "X finished")."""

COMPANY_NOUNS = frozenset({"company", "firm", "brand", "sponsor", "backer", "partner",
                           "business", "chain", "retailer", "manufacturer", "maker",
                           "supplier", "provider", "corporation", "startup", "distributor"})
"""Nouns that describe a company ("Y's company, <X>", "<X>, Y's longtime backer")."""

MEDIA_CUES = frozenset({"report", "reported", "reports", "according", "told", "via", "per",
                        "reporter", "writes", "wrote", "columnist", "writer", "analyst"})

# --- relations -------------------------------------------------------------------------

DRIVE_VERBS = frozenset({
    "drive", "race", "pilot", "compete", "run", "start", "join", "rejoin", "sign", "debut",
    "return", "move", "spend", "leave", "depart", "exit", "win", "finish", "score",
    "make", "land", "compete", "qualify", "wheel", "replace", "substitute", "fill",
    "transition", "jump", "graduate", "step", "team", "ink", "re-sign", "stay", "remain",
    "contest", "campaign", "earn", "claim", "capture", "take", "lead", "post", "record",
    "wave", "appear", "part", "switch", "come", "arrive",
})
"""Verbs whose subject drives for the team attached to them ("drove for", "signed with")."""

DRIVE_VERBS_STRONG = frozenset({
    "drive", "race", "pilot", "compete", "join", "rejoin", "sign", "debut", "leave",
    "depart", "exit", "re-sign", "ink", "wheel", "replace", "spend", "return", "campaign",
})
"""Verbs that state a driving tie on their own, whatever the preposition."""

DRIVE_NOUNS = frozenset({
    "driver", "ride", "seat", "start", "starts", "appearance", "debut", "stint", "tenure",
    "finish", "win", "victory", "career", "season", "contract", "deal", "signing", "entry",
    "run", "return", "time", "tenure", "rookie", "effort", "campaign", "move", "departure",
    "exit", "stint", "teammate", "pilot", "wheelman", "top-10", "top-5", "top-five",
    "top-ten", "pole", "outing", "drive", "berth", "opportunity", "chance", "program",
    "finisher", "champion", "winner", "anchor",
})
"""Nouns whose possessor drives for the team attached to them ("his starts with T")."""

CAR_NOUNS = frozenset({"car", "truck", "entry", "machine", "ride", "seat", "racer"})
"""Nouns of a car that a team owns and a driver drives ("in T's third car", "drive a T
truck")."""

CAR_TAKEOVER_VERBS = frozenset({"take", "inherit", "lead", "direct", "guide", "oversee",
                                "call", "run"})
"""Verbs whose subject takes charge of the car in their object ("C took over the No. 99")."""

CAR_PREPS = frozenset({"on", "to", "from", "with", "of", "over", "atop"})
"""Prepositions before a car a crew chief is on, moves to or leaves ("C on the No. 1")."""

OUTING_NOUNS = frozenset({"afternoon", "day", "night", "evening", "weekend", "race",
                          "outing", "run", "showing"})
"""Nouns of how a race went for a team ("T had a quieter afternoon")."""

DRIVER_EPITHETS = frozenset({"veteran", "rookie", "youngster", "teenager", "newcomer"})
"""Nouns a report calls a driver by again ("The veteran, who drove for T, ...")."""

INHERIT_VERBS = frozenset({"inherit", "keep", "retain", "get", "receive", "gain", "land"})
"""Verbs whose subject takes over a person in a role ("Y will inherit Z's crew chief")."""

TEAM_GROUP_NOUNS = frozenset({"trio", "duo", "pair", "quartet", "tandem", "foursome",
                              "lineup", "line-up", "stable", "contingent"})
"""Nouns of a team's drivers taken together ("the Penske trio", "the T duo of A and B")."""

TENURE_NOUNS = frozenset({"stint", "tenure", "season", "year", "spell", "run", "career"})
"""Nouns of a stretch of a career spent at a team ("after stints at T and U")."""

TEAM_HIRE_VERBS = frozenset({
    "sign", "hire", "field", "add", "tab", "name", "announce", "select", "pick", "choose",
    "bring", "promote", "enter", "employ", "recruit", "tap", "land", "retain", "extend",
    "welcome", "release", "fire", "dismiss", "drop", "confirm", "unveil", "reveal",
})
"""Verbs whose subject (a team) takes on the driver in their object ("T signed D")."""

OWNER_HIRE_VERBS = frozenset({"hire", "sign", "tab", "pick", "choose", "select", "recruit",
                              "tap", "field", "re-sign"})
"""Verbs whose subject, a team's owner, takes on the driver in their object."""

DRIVE_PREPS = frozenset({"for", "with", "at", "to", "by", "from"})

SAY_VERBS = frozenset({
    "say", "tell", "add", "believe", "think", "feel", "note", "insist", "predict", "claim",
    "argue", "declare", "state", "explain", "know", "reckon", "admit", "acknowledge",
    "describe", "tweet", "post", "write", "suggest", "assert", "affirm", "proclaim",
    "maintain", "stress", "emphasize", "remark", "opine", "share", "reveal", "confirm",
    "agree", "consider", "expect", "guarantee", "promise", "vow", "saw", "see",
    "told", "said",
})
"""Verbs of reported speech or opinion: their subject is the speaker."""

CALL_VERBS = frozenset({"call", "label", "name", "dub", "consider", "deem", "rate", "rank",
                        "describe", "hail", "tout", "regard", "view", "see"})
"""Verbs that give their object a quality ("X called Y the best")."""

ENDORSE_VERBS = frozenset({
    "endorse", "praise", "vouch", "back", "support", "tout", "hail", "laud", "champion",
    "recommend", "commend", "applaud", "credit", "rave", "compliment", "admire",
    "trust", "extol", "celebrate", "salute", "acclaim", "boost", "promote", "advocate",
    "push", "lobby", "root", "defend",
})
"""Verbs whose subject vouches for their object."""

ENDORSE_PHRASES = (
    ("speak", "highly"), ("sing", "praise"), ("believe", "in"), ("go", "to", "bat"),
    ("stick", "up"), ("stand", "behind"), ("have", "faith"),
)
"""Multi-word endorsement cues (lemmas in order, within one clause)."""

ENDORSE_NOUNS = frozenset({
    "endorsement", "endorsements", "praise", "backing", "support", "blessing",
    "recommendation", "compliment", "compliments", "vote", "confidence", "seal",
    "approval", "plaudit", "plaudits", "accolade", "accolades", "tribute", "nod",
    "advocacy", "cheerleader", "champion", "backer", "supporter", "proponent", "advocate",
    "fan", "ally", "believer",
})
"""Nouns of an endorsement; the persons they come from endorse."""

ENDORSER_NOUNS = frozenset({"backer", "backers", "supporter", "supporters", "proponent",
                            "proponents", "advocate", "advocates", "cheerleader", "fan",
                            "admirer", "admirers", "ally", "allies", "believer",
                            "believers"})
"""Nouns naming the one who endorses ("X, a longtime supporter of Y")."""

POSITIVE_WORDS = frozenset({
    "ready", "good", "great", "talented", "special", "best", "deserve", "deserving",
    "capable", "legit", "elite", "champion", "star", "incredible", "impressive",
    "phenomenal", "excellent", "amazing", "skilled", "gifted", "smart", "tremendous",
    "outstanding", "awesome", "proven", "worthy", "prepared", "poised", "able", "belong",
    "superstar", "talent", "future", "natural", "fantastic", "remarkable", "exceptional",
    "brilliant", "unbelievable", "generational", "stud", "wheelman", "racer", "beast",
    "dominant", "mature", "promising", "win", "succeed", "thrive", "deserves", "earned",
    "earn", "real", "legitimate", "unstoppable", "top", "perfect", "awesome", "phenom",
    "faith", "confidence", "trust", "proud", "impressed", "excited", "wow", "solid",
    "strong", "fast", "quick", "better", "greatest", "finest", "premier", "hot",
    "overqualified", "qualified", "deserved", "ready-made", "sharp", "complete",
    "caliber",
})
"""Words of praise or readiness in what a speaker says about someone."""

NEGATIVE_WORDS = frozenset({
    "not", "never", "n't", "no", "nobody", "none", "neither", "nor", "hardly", "barely",
    "unready", "overrated", "unproven", "lacks", "lack", "doubt", "doubts", "questions",
    "question", "worry", "concerned", "skeptical", "won't", "can't", "isn't", "wasn't",
})

HEDGE_WORDS = frozenset({
    "might", "could", "may", "possibly", "perhaps", "maybe", "rumor", "rumored", "rumour",
    "rumoured", "reportedly", "speculation", "speculate", "speculated", "if", "whether",
    "would", "potential", "potentially", "likely", "unlikely", "hope", "hopes", "hoping",
    "want", "wants", "wish", "consider", "considering", "explore", "exploring", "eye",
    "eyeing", "interest", "interested", "candidate", "option", "options",
})

FEUD_NOUNS = frozenset({
    "feud", "rivalry", "altercation", "confrontation", "spat", "dispute", "fight", "fistfight",
    "scuffle", "beef", "grudge", "tension", "tensions", "animosity", "payback", "revenge",
    "retaliation", "clash", "quarrel", "squabble", "brawl", "fracas", "melee", "skirmish",
    "war", "stare", "exchange", "bad blood", "dustup", "dust-up", "scrap", "row", "rift",
    "friction", "enmity", "hostility", "vendetta", "antagonism", "shove", "shoving",
    "punch", "confrontations", "rival", "rivals", "nemesis", "foe", "enemy", "match",
    "words", "anger", "resentment", "blood", "argument", "run-in", "set-to", "punch-up",
    "wound",
})
"""Nouns of an open conflict between people or teams."""

FEUD_VERBS = frozenset({
    "feud", "confront", "clash", "shove", "punch", "fight", "retaliate", "quarrel",
    "squabble", "brawl", "scuffle", "spar", "slam", "blast", "rip", "lambaste", "criticize",
    "criticise", "berate", "scold", "accuse", "threaten", "vow", "confront", "swipe",
    "jaw", "argue", "shout", "yell", "curse", "glare", "stare", "wreck", "dump", "hook",
    "exchange", "trade", "gesture", "take",
    "retaliate", "call", "taunt", "mock", "jab", "rebuke", "blame", "fume", "rage",
})
"""Verbs of open conflict (wrecking counts only with retaliation or anger around it)."""

FEUD_VERBS_STRONG = frozenset({
    "feud", "confront", "clash", "shove", "punch", "fight", "retaliate", "quarrel",
    "squabble", "brawl", "scuffle", "lambaste", "berate", "threaten", "taunt", "rebuke",
})
"""Conflict verbs that are a conflict without any other cue."""

FEUD_ADJ = frozenset({"angry", "furious", "heated", "icy", "bitter", "livid", "irate",
                      "shouting", "shoving", "screaming", "yelling", "cursing",
                      "upset", "frustrated", "lingering", "simmering", "fiery", "tense",
                      "hostile", "intentional", "retaliatory", "payback", "rival"})

PAIR_NOUNS = frozenset({"teammate", "driver", "pair", "duo", "two", "rival"})
"""Plural nouns for the two people just named, as holders of a conflict ("the
teammates' latest run-in", "the pair's feud")."""

RETORT_VERBS = frozenset({"fire", "hit", "shoot", "strike", "lash"})
"""Verbs that, with "back", answer an attack ("X fired back at Y", "hit back")."""

SEPARATION_VERBS = frozenset({"pull", "lead", "drag", "separate", "restrain", "walk",
                              "escort", "usher", "hold", "carry"})
"""Verbs of people being kept apart ("had to be pulled away from Y", "separated")."""

KIND_WORDS = frozenset({"kind", "nice", "good", "warm", "high", "glowing", "complimentary",
                        "encouraging", "generous", "great", "flattering"})
"""Words that make "words for Y" praise ("had kind words for Y")."""

SPEAKER_ROLES = frozenset({"owner", "co-owner", "chief", "president", "executive",
                           "spokesman", "spokeswoman", "spokesperson", "spotter", "engineer",
                           "manager", "director", "chairman", "ceo", "founder", "principal",
                           "veteran", "rookie", "champion", "teammate"})
"""Role nouns that stand for a person named with them ("the team president said")."""

INCIDENT_NOUNS = frozenset({"wreck", "crash", "contact", "incident", "accident", "spin",
                            "crash-up", "melee", "pileup"})
"""Nouns of an on-track incident ("blamed Y for the wreck")."""

DISPLEASED_ADJ = frozenset({"happy", "pleased", "thrilled"})
"""Adjectives that, negated, say a person is angry with another ("not happy with Y")."""

ENDING_VERBS = frozenset({"end", "stop", "fade", "die", "cool", "subside", "disappear",
                          "settle", "ease", "finish", "quiet"})
"""Verbs of a conflict ending: negated ("never really ended"), the conflict goes on."""

CONTACT_VERBS = frozenset({"tangle", "collide", "contact", "crash", "spin", "get", "bump",
                           "wreck", "touch", "hit", "tag", "turn", "nudge", "make"})
"""On-track contact: on its own it is no feud (the gold guidelines make it optional)."""

STRIKE_VERBS = frozenset({"hook", "hit", "wreck", "spin", "bump", "tag", "nudge", "clip",
                          "punt", "dump", "pass", "door", "shove", "block"})
"""Verbs a driver does to another's car ("hooked the rear of the No. 77"): the car in their
object is not the subject's."""

CREW_CHIEF_VERBS = frozenset({
    "work", "pair", "team", "call", "guide", "lead", "reunite", "serve", "crew-chief",
    "partner", "join", "oversee", "direct", "handle", "calling", "coach", "mentor", "win",
    "assign", "move", "tab", "name", "tap", "atop",
})
"""Verbs that tie a crew chief to a driver ("worked with", "paired with", "will call")."""

OWN_VERBS = frozenset({"own", "co-own", "coown", "buy", "purchase", "acquire", "found",
                       "establish", "launch", "start", "form", "create", "bankroll", "fund"})
OWN_NOUNS = frozenset({"owner", "co-owner", "coowner", "owners", "co-owners", "ownership",
                       "founder", "co-founder", "proprietor", "part-owner", "stake",
                       "investor", "investment", "principal", "owning"})

SPONSOR_VERBS = frozenset({"sponsor", "back", "support", "fund", "partner", "adorn",
                           "return", "sign", "extend", "renew", "join", "come", "serve",
                           "feature", "carry", "bankroll", "underwrite", "finance",
                           "headline"})
SPONSOR_NOUNS = frozenset({"sponsor", "sponsors", "sponsorship", "partner", "partners",
                           "partnership", "backing", "backer", "livery", "scheme",
                           "paint", "primary", "associate", "funding", "deal", "support",
                           "logo", "colors", "colours", "brand", "hood"})
SPONSOR_STRONG = frozenset({"sponsor", "sponsors", "sponsorship", "sponsored", "sponsoring",
                            "livery", "scheme", "paint"})
"""Words that make a company a sponsor ("primary partner" needs "primary" or a car)."""
SPONSOR_PARTNER_MODIFIERS = frozenset({"primary", "associate", "official", "founding",
                                       "marketing", "anchor", "presenting", "co-primary",
                                       "longtime", "corporate"})
"""Words that make a "partner" a sponsor ("anchor partner", "longtime partner <X>")."""
TEAM_POSSESSOR_LEADS = frozenset({"for", "with", "to", "at", "from", "join", "joins",
                                  "joined", "joining", "leave", "leaves", "left"})
"""Words before "X's <team>" that name the team as a place to race ("driving for X's
<team>"), where X is its owner, not a driver describing his car."""
SPONSORED_SHARES = frozenset({"races", "majority", "portion", "bulk", "half", "schedule",
                              "share", "slate"})
"""What a sponsor takes of a car's year when the car goes unnamed ("<S> will sponsor a
majority of the races", "<S> returns for the bulk of the schedule")."""
CAR_CARRY_VERBS = frozenset({"carry", "have", "feature", "sport", "wear", "display"})
"""What a car does with its sponsors ("the No. 13 has <X> back", "will carry <X>")."""

PARTNER_MODIFIERS = frozenset({"primary", "co-primary", "associate", "anchor"})
"""Modifiers that make a "partner" a car's sponsor ("co-primary partners")."""

MANUFACTURER_NOUNS = frozenset({"manufacturer", "manufacturers", "make", "brand", "oem",
                                "automaker", "camp", "stable", "program", "support",
                                "backing", "factory", "engine", "engines", "power"})

AFFILIATION_LINKS = frozenset({
    "link", "tie", "associate", "align", "affiliate", "connect", "attach", "partner",
    "back", "support", "contract", "associated", "linked", "tied", "aligned", "affiliated",
    "connected", "attached", "partnered", "backed", "supported", "contracted", "sign",
    "bind", "part",
})
"""Participles and verbs that tie one party to another ("linked to", "aligned with")."""

AFFILIATION_NOUNS = frozenset({
    "influence", "role", "position", "job", "stake", "say", "voice", "involvement",
    "leadership", "post", "presence", "work", "duties", "responsibilities", "title",
    "tenure", "seat", "ties", "tie", "connection", "connections", "relationship", "link",
    "links", "alliance", "partnership", "affiliation", "association", "deal", "contract",
    "agreement", "pact", "support", "collaboration", "cooperation", "merger", "program",
    "development", "pipeline", "camp", "stable", "family", "roots", "loyalty",
})
"""Nouns of an organizational tie ("his influence at T", "a technical alliance with T")."""

TEAM_ALLIANCE_NOUNS = frozenset({"alliance", "partnership", "affiliate", "satellite",
                                 "collaboration", "cooperation", "merger", "support",
                                 "affiliation", "relationship", "pact", "agreement",
                                 "customer", "partner", "technical", "equipment", "chassis",
                                 "engines", "engine", "cars"})

ENGINE_WORDS = frozenset({"engines", "engine", "powertrain", "power"})
"""Last words of an engine builder's name ("<X> Engines")."""
RECEIVE_VERBS = frozenset({"receive", "get", "lease", "buy", "obtain", "draw", "take"})
"""What a team does with another's engines and support ("receives engines from T")."""

ROLE_NOUNS = frozenset({
    "driver", "drivers", "engineer", "adviser", "advisor", "consultant", "executive",
    "president", "vice", "director", "manager", "official", "spokesman", "spokeswoman",
    "spokesperson", "spotter", "analyst", "reporter", "journalist", "writer", "columnist",
    "broadcaster", "commentator", "correspondent", "chairman", "ceo", "employee", "member",
    "mechanic", "brand", "company", "firm", "business", "employer", "partner", "ambassador",
    "prospect", "protege", "protégé", "talent", "regular", "coach", "mentor", "owner",
    "co-owner", "founder", "teammate", "officer", "chairman", "chairwoman", "ambassador",
    "co-founder", "arm", "division", "subsidiary", "affiliate", "unit", "branch",
})
"""Nouns of a role held with an organization ("X, a <make> development driver",
"as a race engineer at T", "an adviser to T", "Ram, the Stellantis truck brand")."""

DEVELOPMENT_WORDS = frozenset({"development", "developmental", "prospect", "program",
                               "driver", "pipeline", "academy", "camp", "stable", "family",
                               "protege", "protégé"})

BODY_NOUNS = frozenset({"board", "staff", "office", "ownership", "group", "leadership",
                        "management", "organization", "payroll", "committee", "council"})
"""Bodies of an organization one joins ("joined T's board of directors")."""

DEVELOPMENT_MODIFIERS = frozenset({"development", "developmental", "test", "reserve",
                                   "academy", "simulator", "sim", "junior"})
"""Modifiers of "driver" that make the tie no ride ("a <team> development driver")."""

PLURAL_PAIR_WORDS = frozenset({"both", "two", "pair", "duo", "tandem"})
"""Words of a noun phrase that refers to the last two people named ("both drivers")."""

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
COORD_WORDS = frozenset({",", "and", "&", "or", "as well as", "plus"})

QUOTE_CHARS = frozenset('"“”«»„')
DASHES = frozenset({"—", "–", "-", "--", "―"})

SWITCH_WORDS = frozenset({"switch", "move", "change", "jump", "defect", "transition",
                          "shift", "convert"})
"""Verbs and nouns of a team changing make ("switches to <make>", "its move to <make>")."""

OWNER_TITLE_WORDS = frozenset({"owner", "co-owner", "owners", "co-owners", "founder",
                               "co-founder", "principal"})
TITLE_MODIFIERS = frozenset({"chief", "executive", "vice", "senior", "lead", "marketing",
                             "general", "team", "race", "competition", "technical",
                             "managing", "assistant", "deputy", "former", "longtime",
                             "new", "interim", "co-", "sales", "communications", "public",
                             "relations", "operations", "business", "development", "program",
                             "brand", "head", "of", "the", "and", "director", "motorsports",
                             "co", "-", "minority", "majority", "principal", "part",
                             "tire", "rear", "front", "pit", "crew", "car", "data", "aero",
                             "vehicle", "shop", "operating", "financial", "technology",
                             "commercial", "strategy", "board", "media", "digital",
                             "partnership", "partnerships", "revenue", "officer", "race-day"})

QUOTE_PRAISE = frozenset({
    "racer", "clean", "coachable", "winner", "ally", "taught", "complete", "deserves",
    "smartest", "best", "ready", "champion", "talent", "talented", "special", "future",
    "good", "great", "proud", "smart", "win", "winning", "fit", "drive", "elite", "star",
    "deserve", "earned", "incredible", "impressive", "legit", "natural", "awesome",
    "amazing", "fantastic", "tremendous", "phenomenal", "excellent", "outstanding",
    "brilliant", "gifted", "quick", "fast", "strong", "mature", "trust",
    "learned", "anybody", "anyone", "straight",
})
"""Words of praise in a quotation: the quoted speaker vouches for whom it is about."""

QUOTE_NEGATION = frozenset({"not", "n't", "never", "unsure", "don't", "doesn't", "isn't",
                            "wasn't", "can't", "won't", "ain't", "hardly", "lacks"})
