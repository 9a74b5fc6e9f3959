r"""Concepts of donation and membership asks per language: giving, its cause, what a gift does."""

from __future__ import annotations

from cleaner.mark.rules.lexicon import Lexicon

# fmt: off
# Giving money or joining: what a donation or membership ask wants.
GIVE: Lexicon = {
    "en": ["pay what you (?:can|want)", "power (?:our|independent)", "fuel (?:our|independent)", "keep (?:us|our \\w{1,15}) (?:going|free|independent)", "donat\\w{1,6}", "(?:support|supporting) (?:us|our|independent|local|quality|journalism)", "your support", "contribut\\w{1,6}", "chip in", "fund (?:us|our)", "back (?:us|our|independent|local|quality)", "give (?:monthly|today|now|once|what you can)", "gift", "help (?:us|keep|fund|sustain)", "sustain\\w{0,3}", "become a (?:member|supporter|patron|friend)", "pledge"],
    "de": ["werde mitglied", "werde unterstützer\\w{0,5}", "spende\\w{4,8}", "spende\\w{0,3}", "spenden", "unterstütz\\w{1,6}", "förder\\w{1,6}", "mitglied werden", "mitgliedschaft", "beitrag", "freiwillig (?:zahlen|bezahlen)", "hilf\\w{0,3}", "helfen sie", "unterstützer\\w{0,6}", "förderer\\w{0,4}"],
    "fr": ["(?:un|votre|ton) don", "faire un don", "soutien\\w{0,2}", "souten\\w{1,6}", "contribu\\w{1,6}", "devenez membre", "adhér\\w{1,6}"],
    "es": ["dona(?:r|ción|ciones)?", "apoy\\w{1,6}", "apóyanos", "aporta\\w{1,6}", "contribu\\w{1,6}", "hazte (?:socio|miembro|mecenas)", "colabora\\w{0,3}"],
    "it": ["dona(?:re|zione|zioni)?", "sostien\\w{1,6}", "sosteg\\w{1,6}", "sostieni", "contribu\\w{1,6}", "diventa (?:socio|sostenitore|membro)", "aiutaci"],
    "pt": ["doa(?:r|ção|ções)", "doe", "apoi\\w{1,6}", "contribu\\w{1,6}", "torne-se (?:membro|apoiador\\w{0,2}|assinante)", "ajude"],
    "nl": ["doneer\\w{0,2}", "donatie\\w{0,2}", "donateur\\w{0,2}", "steun\\w{0,3}", "bijdrage\\w{0,2}", "draag bij", "word (?:lid|donateur|vriend)", "lidmaatschap"],
    "pl": ["wesprzyj\\w{0,3}", "wspar\\w{1,6}", "wspier\\w{1,6}", "darowizn\\w{1,3}", "wpłat\\w{1,3}", "zostań (?:patronem|członkiem|mecenasem)", "patronit\\w{0,3}"],
    "sv": ["stöd\\w{0,3}", "stötta", "bidrag\\w{0,3}", "skänk\\w{0,3}", "gåva", "swisha", "bli (?:medlem|månadsgivare|supporter)"],
    "tr": ["bağış\\w{0,8}", "destek\\w{0,8}", "katkı\\w{0,8}", "destekleyin", "bağışlayın", "üye ol\\w{0,4}"],
    "da": ["støt\\w{0,3}", "bidrag\\w{0,3}", "donér"],
    "no": ["støtt\\w{0,3}", "bidra\\w{0,3}", "gi en gave"],
    "cs": ["podpoř\\w{0,4}", "podpor\\w{1,4}", "přisp\\w{1,6}", "daruj\\w{0,3}"],
    "ro": ["donea\\w{1,3}", "donați\\w{0,3}", "donează", "susține\\w{0,3}", "sprijin\\w{0,5}", "contribu\\w{1,6}"],
    "id": ["donasi", "dukung\\w{0,3}", "dukungan"],
}

# Giving, in a line as short as a button: English "support" and "give" serve too many other
# sentences ("your support questions"), so the English row names only the giving itself.
GIVE_BUTTON: Lexicon = {
    **GIVE,
    "en": ["keep (?:us|our \\w{1,15}) (?:going|free|independent)", "contribut\\w{1,6}", "give (?:[$€£]|\\d)", "donat\\w{1,6}", "chip in", "become a (?:member|supporter|patron|friend)", "support (?:us|our)", "give (?:monthly|today|now|once|what you can)"],
}

# Giving as the last word of a button, as German and verb-final languages put it ("Journalismus
# unterstützen", "Mitglied werden", "Destek ol").
GIVE_LAST: Lexicon = {
    "de": ["unterstützen", "spenden", "fördern", "mitglied werden", "\\w{0,12}(?:unterstützer|förderer)\\w{0,6} werden", "freiwillig (?:be)?zahlen"],
    "nl": ["steunen", "doneren", "lid worden"],
    "pl": ["wesprzyj", "wspieraj"],
    "sv": ["stöd oss", "bli medlem"],
    "tr": ["destek ol", "destekçi ol", "bağış yap"],
}

# What the gift keeps going: journalism, the newsroom, free access, the site's work.
CAUSE: Lexicon = {
    "en": ["journalism", "reporting", "newsroom", "independent", "our (?:work|journalists|reporters|mission)", "free (?:for|to) (?:all|everyone)", "per month", "a month"],
    "de": ["journalismus", "\\w{1,20}journalismus", "redaktion", "unabhängig\\w{0,3}", "unsere arbeit", "für alle (?:frei|kostenlos|zugänglich)", "im monat", "pro monat", "monatlich"],
    "fr": ["journalisme", "rédaction", "indépendan\\w{1,3}", "notre travail", "accessible à tous", "gratuit pour tous", "par mois"],
    "es": ["periodismo", "redacción", "independiente", "nuestro trabajo", "gratis para todos", "abierto para todos", "al mes", "mensual\\w{0,4}"],
    "it": ["giornalismo", "redazione", "indipendent\\w", "il nostro lavoro", "gratuit[oa] per tutti", "al mese", "mensil\\w{1,3}"],
    "pt": ["jornalismo", "redação", "independente", "nosso trabalho", "gratuito para todos", "por mês", "mensal\\w{0,4}"],
    "nl": ["journalistiek", "redactie", "onafhankelijk\\w{0,2}", "ons werk", "gratis voor iedereen", "per maand", "maandelijks\\w{0,2}"],
    "pl": ["dziennikarstw\\w{1,3}", "redakcj\\w{1,3}", "niezależn\\w{1,4}", "nasz\\w{1,3} prac\\w{1,3}", "dla wszystkich", "miesięcznie", "zł"],
    "sv": ["journalistik\\w{0,3}", "redaktion\\w{0,3}", "oberoende", "vårt arbete", "för alla", "i månaden", "per månad", "kronor"],
    "tr": ["gazetecili\\w{1,6}", "habercili\\w{1,6}", "bağımsız", "yayın\\w{0,8}", "çalışmaları\\w{0,6}", "herkes için", "aylık"],
    "da": ["journalistik\\w{0,3}", "uafhængig\\w{0,2}", "om måneden"],
    "no": ["journalistikk\\w{0,3}", "uavhengig\\w{0,2}", "i måneden"],
    "cs": ["novinařin\\w{1,2}", "žurnalistik\\w{1,2}", "nezávisl\\w{1,4}", "redakc\\w{1,2}"],
    "ro": ["jurnalism\\w{0,3}", "independent\\w{0,2}", "redacți\\w{1,3}", "pe lună"],
    "id": ["jurnalisme", "independen", "redaksi"],
}

# What a gift does: it helps, it counts (the close of a short appeal: "Jede Spende hilft").
HELPS: Lexicon = {
    "en": ["needs (?:you|your)", "helps", "matters", "counts", "makes a difference"],
    "de": ["braucht (?:sie|dich|ihre|deine)", "hilft", "zählt"],
    "fr": ["a besoin de (?:vous|toi)", "compte", "aide"],
    "es": ["te necesita", "necesita tu", "cuenta", "ayuda"],
    "it": ["ha bisogno di te", "conta", "aiuta"],
    "pt": ["precisa de você", "conta", "ajuda"],
    "nl": ["heeft je nodig", "heeft jou nodig", "telt", "helpt"],
    "pl": ["potrzebuje (?:cię|twojego|twojej)", "się liczy", "pomaga"],
    "sv": ["behöver dig", "behöver ditt", "räknas", "hjälper"],
    "tr": ["size ihtiyacı", "önemli", "fark yaratır"],
}
# fmt: on
