"""The demo site in English: the source from which every other language is translated.

Written for this project; the organisation, stories and reports are illustrative. Survivor
stories are fictional and told under invented pseudonyms."""

import datetime

SITE_SETTINGS = {
    "site_name": "Freedom Collective",
    "tagline": "Ending trafficking for sexual exploitation, online and offline",
    "donate_url": "https://donate.example.org/",
    "donate_currency": "USD",
    "donate_amounts": "10, 25, 50, 100",
    "donate_amount_url": "https://donate.example.org/give?amount={amount}&currency={currency}",
    "default_hashtag": "#WorldDayAgainstTrafficking",
    "newsletter_heading": "Get our briefings first",
    "newsletter_text": (
        "Once a month: new research, legal analysis and ways to act, with early access "
        "to our expert briefings."
    ),
    "newsletter_url": "",  # the site's own sign-up page (newsletter/)
    "quick_exit_url": "https://www.bbc.com/weather",
    "social_accounts": [
        ("bluesky", "https://bsky.app/profile/freedom-collective.example.org"),
        ("instagram", "https://www.instagram.com/freedomcollective.example/"),
        ("youtube", "https://www.youtube.com/@freedomcollective-example"),
    ],
}

# What each language's settings give differently from the English ones (overrides of fields
# that translations otherwise keep in sync), e.g. the currency of the suggested amounts.
SITE_SETTINGS_OVERRIDES = {
    "fr": {"donate_currency": "EUR"},
    "es": {"donate_currency": "EUR"},
    "sw": {"donate_currency": "KES", "donate_amounts": "500, 1000, 2500, 5000"},
    "ar": {"donate_currency": "USD"},
}

FOOTER_TEXT = (
    "<p>Freedom Collective is an illustrative organisation. If you are in danger, "
    "call your local emergency number.</p>"
)

RESOURCE_TYPES = [
    ("research-report", "Research report", "In-depth research on laws, practice and their gaps."),
    ("policy-brief", "Policy brief", "Short recommendations for lawmakers and officials."),
    ("bench-book", "Bench book", "Judicial tools that help courts respond to survivors."),
    (
        "briefing-paper",
        "Briefing paper",
        "Analysis of an emerging issue, such as technology-facilitated harm.",
    ),
    ("legal-tool", "Legal tool", "Model laws, checklists and guides for legal practitioners."),
    ("video", "Video", "Films and recorded talks."),
    (
        "survivor-testimony",
        "Survivor testimony",
        "Survivors' own accounts, shared with their consent.",
    ),
]

TOPICS = [
    ("online-exploitation", "Online sexual exploitation"),
    ("artificial-intelligence", "Artificial intelligence and deepfakes"),
    ("access-to-justice", "Access to justice"),
    ("climate-and-crisis", "Climate and economic crisis"),
    ("law-reform", "Law reform"),
]

# What each topic's and region's page in the library says first.
TAXONOMY_DESCRIPTIONS = {
    "online-exploitation": "How people are recruited, sold and abused through websites, apps and platforms.",
    "artificial-intelligence": "Deepfakes, generated abuse images and what the law can do about them.",
    "access-to-justice": "Reaching courts, lawyers and remedies as a survivor.",
    "climate-and-crisis": "How disasters and economic shocks push people towards traffickers.",
    "law-reform": "Changing laws so that they protect the exploited and punish the exploiters.",
    "kenya": "Our work with Kenya's courts, police and survivors' groups.",
    "malawi": "Our work with Malawi's lawmakers and communities.",
    "global": "Research and advocacy that reach beyond one country.",
}

REGIONS = [
    ("kenya", "Kenya", True),
    ("malawi", "Malawi", True),
    ("global", "Global", False),
]

PARTNERS = [
    {
        "key": "audri",
        "name": "AUDRi – Alliance for Universal Digital Rights",
        "description": (
            "A coalition calling for a shared framework that protects everyone's rights "
            "in digital spaces, with women and girls at its centre."
        ),
        "url": "https://audri.example.org/",
        "join_url": "https://audri.example.org/join",
    },
]

HOME = {
    "title": "Home",
    "hero_heading": "Nobody should be bought or sold",
    "hero_text": (
        "We work with survivors, lawmakers and courts to end trafficking for sexual "
        "exploitation, online and offline."
    ),
    "signup_heading": "Stand with survivors",
    "signup_text": (
        "Sign up for our briefings or give what you can: every contribution funds legal "
        "reform and survivor-led advocacy."
    ),
    # (file name, title, alt text)
    "hero_image": (
        "home-hero",
        "Campaigners at a march",
        "People marching with banners calling for an end to trafficking",
    ),
    # Its alt text on this page (and as the site's share image), translated with the page.
    "hero_image_alt": "Campaigners marching with banners that call for an end to trafficking",
}

STANDARD_PAGES = [
    {
        "key": "about",
        "title": "About us",
        "slug": "about",
        "intro": "We are lawyers, researchers and campaigners who put survivors first.",
        "paragraphs": [
            "Trafficking for sexual exploitation thrives where laws are weak and survivors are not believed. We work to change both.",
            "We carry out research, help governments reform their laws, train judges and police, and bring people together in coalitions so that survivors' voices shape the rules that affect them.",
        ],
    },
    {
        "key": "privacy",
        "title": "Privacy policy",
        "slug": "privacy",
        "intro": "This site does not track you.",
        "paragraphs": [
            "We use no analytics, no advertising and no third-party scripts. We do not record the address of your device.",
            "If you sign up for our newsletter, we keep your email address only to send it to you, and you can leave at any time.",
        ],
    },
]

CAMPAIGN_INDEX = {
    "title": "Campaigns",
    "slug": "campaigns",
    "intro": "<p>Our campaigns around the world's awareness days.</p>",
}

CAMPAIGN = {
    "title": "World Day Against Trafficking in Persons",
    "slug": "world-day-against-trafficking",
    "awareness_date": datetime.date(2026, 7, 30),
    "hashtag": "#WorldDayAgainstTrafficking",
    "hero_image": (
        "campaign-hero",
        "World Day Against Trafficking",
        "A crowd holding a banner that reads End Trafficking Now",
    ),
    "hero_image_alt": (
        "A crowd on World Day Against Trafficking in Persons holding a banner that reads End Trafficking Now"
    ),
    "topics": ["online-exploitation", "access-to-justice", "climate-and-crisis"],
    # Shown after the first story, by key in RESOURCES.
    "related_resources": [
        "laws-across-africa",
        "survivor-centred-courts",
        "deepfake-abuse",
        "world-day-film",
    ],
    "intro": (
        "Every year on 30 July the world takes stock of human trafficking. Traffickers now "
        "reach more people, over greater distances, than ever before. This is what we are "
        "doing about it, and how you can help."
    ),
    "sections": [
        (
            "What is the issue?",
            [
                "Sex trafficking is one of the most gendered forms of trafficking: most of its victims are women and girls.",
                "Survivors, especially adult women, are too often treated as if they had chosen their exploitation.",
                "Online abuse, deepfakes and other uses of artificial intelligence are creating new harms faster than the law can respond.",
            ],
        ),
        (
            "Why it matters now",
            [
                "Digital platforms are being used to groom, coerce and sell women and girls, and their regulation is patchy.",
                "Climate disasters and economic hardship, including in Kenya and Malawi, leave more people exposed to traffickers.",
                "Investigations are still reactive and underfunded: we need proactive policing, cooperation across borders and justice that centres survivors.",
            ],
        ),
        (
            "What we are doing",
            [
                "We publish research, policy briefs, legal tools and survivors' testimonies.",
                "We train judges and prosecutors so that courts respond to survivors with fairness and care.",
                "We bring together survivors, lawmakers, police, technology companies and civil society, in Kenya and through coalitions such as AUDRi.",
            ],
        ),
        (
            "What you can do",
            [
                "Share our work on social media with the hashtag #WorldDayAgainstTrafficking.",
                "Pass on our research, videos and survivors' testimonies to people who can use them.",
                "Sign up to hear first about new reports and expert briefings.",
            ],
        ),
    ],
    # The coalition call to action leads to this partner's join address.
    "coalition": "audri",
    "calls_to_action": [
        (
            "share",
            "Join the conversation",
            "Share this campaign with #WorldDayAgainstTrafficking.",
            "",
        ),
        (
            "coalition",
            "Join a coalition",
            "AUDRi brings organisations together to protect rights in digital spaces.",
            "",
        ),
        (
            "briefings",
            "Learn with us",
            "Get early access to our new research and expert briefings.",
            "",
        ),
        (
            "newsletter",
            "Sign up for updates",
            "News of our work to reform laws and support survivor-led advocacy.",
            "",
        ),
        (
            "donate",
            "Make a donation",
            "Your gift funds legal reform and support for survivors.",
            "",
        ),
    ],
}

RESOURCE_INDEX = {
    "title": "Resources",
    "slug": "resources",
    "intro": "<p>Research, policy briefs, judicial tools, videos and testimonies, free to use and share.</p>",
}

RESOURCES = [
    {
        "key": "laws-across-africa",
        "title": "Sexual exploitation laws across Africa",
        "type": "research-report",
        "date": datetime.date(2025, 11, 20),
        "summary": "A comparison of how laws in twenty countries define, prevent and punish sexual exploitation.",
        "body": "The report finds that many laws still punish the people who are exploited rather than those who profit. It recommends clear definitions, survivor protection and penalties that reach buyers and traffickers alike.",
        "topics": ["law-reform", "access-to-justice"],
        "regions": ["kenya", "malawi", "global"],
        "featured": True,
        "file": "pdf",
    },
    {
        "key": "kenya-legal-ecosystem",
        "title": "Kenya's legal ecosystem on sexual exploitation",
        "type": "research-report",
        "date": datetime.date(2025, 6, 12),
        "summary": "Findings from convenings of judges, police, prosecutors and survivors in Kenya.",
        "body": "Participants described where cases fall through: reporting, investigation, prosecution and support for survivors. The report sets out the changes they agreed on.",
        "topics": ["access-to-justice", "law-reform"],
        "regions": ["kenya"],
        "featured": True,
        "file": "pdf",
    },
    {
        "key": "regulating-platforms",
        "title": "Regulating digital platforms to stop exploitation",
        "type": "policy-brief",
        "date": datetime.date(2026, 3, 2),
        "summary": "What lawmakers can require of platforms so that they stop being used to recruit and sell people.",
        "body": "Platforms should assess the risks their services create, act quickly on reports of exploitation and share evidence with investigators while protecting users' privacy.",
        "topics": ["online-exploitation", "law-reform"],
        "regions": ["global"],
        "partners": ["audri"],
        "featured": True,
        "file": "pdf",
    },
    {
        "key": "climate-and-trafficking",
        "title": "Climate disasters and the risk of trafficking",
        "type": "policy-brief",
        "date": datetime.date(2025, 9, 18),
        "summary": "How droughts and floods in Malawi and Kenya increase the risk of trafficking, and what governments can do.",
        "body": "When harvests fail and families are displaced, traffickers offer false promises of work. Disaster response plans should include protection against trafficking from the first day.",
        "topics": ["climate-and-crisis"],
        "regions": ["malawi", "kenya"],
        "featured": False,
        "file": "pdf",
    },
    {
        "key": "survivor-centred-courts",
        "title": "Bench book: survivor-centred justice",
        "type": "bench-book",
        "date": datetime.date(2025, 4, 8),
        "summary": "A practical guide for judges hearing cases of trafficking for sexual exploitation.",
        "body": "The bench book explains how trauma affects testimony, how to protect survivors in court and how to apply the law on consent and coercion.",
        "topics": ["access-to-justice"],
        "regions": ["kenya", "malawi"],
        "featured": True,
        "file": "pdf",
    },
    {
        "key": "judicial-checklist",
        "title": "Checklist for magistrates",
        "type": "bench-book",
        "date": datetime.date(2024, 10, 1),
        "summary": "A two-page checklist for hearings that involve survivors of sexual exploitation.",
        "body": "Use it before, during and after the hearing to make sure the survivor is safe, informed and heard.",
        "topics": ["access-to-justice"],
        "regions": ["malawi"],
        "featured": False,
        "file": "pdf",
    },
    {
        "key": "deepfake-abuse",
        "title": "Deepfake abuse and the law",
        "type": "briefing-paper",
        "date": datetime.date(2026, 1, 27),
        "summary": "Sexual deepfakes are used to shame, silence and exploit women. Most laws do not yet cover them.",
        "body": "This paper explains how deepfakes are made and spread, how they are used by traffickers, and which legal gaps need to close.",
        "topics": ["artificial-intelligence", "online-exploitation"],
        "regions": ["global"],
        "partners": ["audri"],
        "featured": True,
        "file": "pdf",
    },
    {
        "key": "ai-grooming",
        "title": "Artificial intelligence and online grooming",
        "type": "briefing-paper",
        "date": datetime.date(2026, 5, 14),
        "summary": "How automated accounts and chatbots are used to groom and recruit, and how to respond.",
        "body": "Traffickers use automation to contact many people at once. The paper recommends safety by design and faster cooperation between platforms and police.",
        "topics": ["artificial-intelligence", "online-exploitation"],
        "regions": ["global"],
        "featured": False,
        "file": "pdf",
    },
    {
        "key": "model-law-provisions",
        "title": "Model provisions on sexual exploitation",
        "type": "legal-tool",
        "date": datetime.date(2025, 2, 10),
        "summary": "Clauses that lawmakers can adapt to protect survivors and hold exploiters to account.",
        "body": "Each clause comes with an explanation and examples from countries that have adopted similar provisions.",
        "topics": ["law-reform"],
        "regions": ["global"],
        "featured": False,
        "file": "pdf",
    },
    {
        "key": "evidence-guide",
        "title": "Guide to digital evidence",
        "type": "legal-tool",
        "date": datetime.date(2026, 4, 22),
        "summary": "How investigators and lawyers can collect online evidence without harming survivors.",
        "body": "The guide covers preserving messages and images, requests to platforms and the survivor's right to privacy.",
        "topics": ["online-exploitation", "access-to-justice"],
        "regions": ["kenya", "global"],
        "featured": False,
        "file": "pdf",
    },
    {
        "key": "world-day-film",
        "title": "Film: justice for survivors",
        "type": "video",
        "date": datetime.date(2025, 7, 30),
        "summary": "A short film made for World Day Against Trafficking in Persons.",
        "body": "Survivors, lawyers and a judge talk about what justice means and what still has to change.",
        "topics": ["access-to-justice"],
        "regions": ["global"],
        "partners": ["audri"],
        "featured": True,
        "video": "https://www.youtube.com/watch?v=demo-justice",
    },
    {
        "key": "webinar-online-harms",
        "title": "Webinar: online harms and the law",
        "type": "video",
        "date": datetime.date(2026, 2, 19),
        "summary": "A recorded discussion between experts on technology-facilitated sexual exploitation.",
        "body": "Three experts discuss new threats online and the laws that could stop them.",
        "topics": ["online-exploitation", "artificial-intelligence"],
        "regions": ["global"],
        "featured": False,
        "video": "https://vimeo.com/123456789",
    },
    {
        "key": "testimonies-kenya",
        "title": "Survivors speak: testimonies from Kenya",
        "type": "survivor-testimony",
        "date": datetime.date(2025, 12, 3),
        "summary": "Survivors describe what helped them and what failed them, in their own words.",
        "body": "These testimonies were collected by survivor-led groups and are shared with the consent of each person. Names have been changed.",
        "topics": ["access-to-justice"],
        "regions": ["kenya"],
        "featured": False,
        "file": "pdf",
    },
    {
        "key": "testimonies-malawi",
        "title": "Survivors speak: testimonies from Malawi",
        "type": "survivor-testimony",
        "date": datetime.date(2026, 6, 9),
        "summary": "Survivors in Malawi on recruitment, exploitation and the long road to recovery.",
        "body": "The testimonies show how poverty and disaster are used by traffickers, and how survivors rebuild their lives. Names have been changed.",
        "topics": ["climate-and-crisis", "access-to-justice"],
        "regions": ["malawi"],
        "featured": False,
        "file": "pdf",
    },
]

STORY_INDEX = {
    "title": "Survivor stories",
    "slug": "stories",
    "intro": "<p>These stories are told with the consent of the survivors. Names are pseudonyms and details have been changed.</p>",
}

STORIES = [
    {
        "key": "amani",
        "title": "I was promised a job in the city",
        "pseudonym": "Amani",
        "country": "kenya",
        "age_range": "18-25",
        "content_warning_topics": ["sexual-exploitation", "coercion"],
        "content_warning": "This story mentions sexual exploitation and coercion.",
        "quote": "I thought I was going to work in a hotel. When I arrived, they took my phone.",
        "paragraphs": [
            "A woman from my church said she knew a hotel that needed staff. She paid for my bus ticket.",
            "When I arrived, the men who met me took my phone and told me I owed them money. For months I could not leave.",
            "A support group helped me after I escaped. Today I help other young women check job offers before they travel.",
        ],
    },
    {
        "key": "chisomo",
        "title": "After the floods",
        "pseudonym": "Chisomo",
        "country": "malawi",
        "age_range": "",
        "content_warning_topics": ["physical-violence"],
        "content_warning": "This story mentions trafficking and violence.",
        "quote": "After the floods we had nothing. That is when he came with his offers.",
        "paragraphs": [
            "The floods took our house and our fields. A man came to the camp offering work for girls in another country.",
            "My mother said no, but my friend went. I never heard from her again, and I started speaking about what happened.",
            "Now I talk to families in the camps about the tricks traffickers use. This story is told with a changed name.",
        ],
    },
    {
        "key": "lina",
        "title": "The photos were not real, the harm was",
        "pseudonym": "Lina",
        "country": "",
        "age_range": "26-35",
        "content_warning_topics": ["online-abuse", "sexual-violence"],
        "content_warning": "This story mentions online sexual abuse.",
        "quote": "The pictures were fake, but everyone believed them.",
        "paragraphs": [
            "Someone made fake sexual images of me with an app and sent them to my family. Then they demanded money.",
            "The police said there was no law against it. A lawyer from a women's rights group helped me get the images removed.",
            "I share my story so that lawmakers understand that deepfake abuse is real abuse.",
        ],
    },
]

# Helplines shown on stories, the campaign and the browse-safely page. The numbers are
# placeholders that cannot connect (no national number starts with 0 after the country code):
# an organisation lists here the helplines it has checked itself.
HELPLINES = [
    {
        "key": "kenya",
        "country": "Kenya",
        "name": "Example support line",
        "phone": "+254 000 000 111",
        "hours": "Every day, 24 hours",
        "note": "Demo entry: this number does not connect. A real site lists a helpline it has checked.",
    },
    {
        "key": "malawi",
        "country": "Malawi",
        "name": "Example support line",
        "phone": "+265 000 000 222",
        "hours": "Monday to Friday, 8:00 to 17:00",
        "note": "Demo entry: this number does not connect. A real site lists a helpline it has checked.",
    },
]

HELPLINES_HEADING = "Where to find help"

# Which helplines each story shows after it, by key in HELPLINES.
STORY_HELPLINES = {"amani": ["kenya"], "chisomo": ["malawi"], "lina": ["kenya", "malawi"]}

# Linked beside the quick exit on every page (Site settings → Browse safely page).
BROWSE_SAFELY = {
    "key": "browse-safely",
    "title": "Browse safely",
    "slug": "browse-safely",
    "intro": "If someone else uses or checks your phone or computer, these steps make it harder for them to see that you visited this site.",
    "sections": [
        (
            "What the quick exit does",
            [
                "The Quick exit button opens a weather site at once and replaces the page you were reading in your browser's history.",
                "It cannot remove the other pages of this site that you opened before: they stay in your history until you delete them.",
            ],
        ),
        (
            "Use a private window",
            [
                "A private window (Incognito in Chrome, InPrivate in Edge, Private in Firefox and Safari) keeps no history once you close it.",
                "On a phone, open the browser's menu and choose a new private or incognito tab.",
                "On a computer, press Ctrl+Shift+N (Chrome, Edge) or Ctrl+Shift+P (Firefox). On a Mac, press Cmd+Shift+N (Safari, Chrome).",
                "Close every private window when you are done.",
            ],
        ),
        (
            "Delete this site from your history",
            [
                "On a phone, open the browser's menu, then History, and delete the pages of this site.",
                "On a computer, press Ctrl+H (Cmd+Y on a Mac) to open the history and delete the pages of this site.",
                "Deleting all of your history can make someone suspicious: deleting only these pages may be safer.",
            ],
        ),
        (
            "Use a device that others cannot check",
            [
                "If you can, use a phone or computer that the person you fear cannot reach, such as a trusted friend's or one at a library.",
                "Someone who controls your device or accounts may see more than your history. A helpline can help you plan what to do.",
            ],
        ),
    ],
}

NAVIGATION = ["campaigns", "resources", "stories", "about"]
FOOTER_LINKS = ["about", "privacy"]
