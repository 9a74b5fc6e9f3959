r"""Concepts of reader-addressed prompts, as words per language: the vocabulary of rule families.

A prompt is recognised by concepts that co-occur in one short line, in any order, rather than by
one fixed wording: a paywall is {read on, full article} x {subscription, login}, a donation ask is
{give, support} x {journalism, our work} x {the reader or the site's "we"}. Each concept is a table
of language -> words (a stem ends in `\w{0,N}`), joined by `any_of` into one alternation. Languages:
en, de, fr, es, it, pt, nl, pl, sv, tr, and where cheap da, no, cs, ro, id.

The tables are data: add a wording to its language's row, never a site name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Lexicon = Mapping[str, Sequence[str]]


def any_of(*lexicons: Lexicon) -> str:
    """One alternation of every word of the lexicons, each starting at a word boundary."""
    words = [word for lexicon in lexicons for words in lexicon.values() for word in words]
    # Longest first, so that no shorter alternative takes a prefix of a longer one.
    return r"\b(?:" + "|".join(sorted(dict.fromkeys(words), key=len, reverse=True)) + r")(?!\w)"


# fmt: off
# Reported speech: a sentence that attributes its words is news, however short (a rule's guard).
REPORTED: Lexicon = {
    "en": ["found", "showed", "shows", "suggests", "wrote", "added", "said", "says", "told", "according to", "reported"],
    "de": ["sagte", "sagt", "erklärte", "laut", "berichtet\\w{0,2}"],
    "fr": ["a déclaré", "a dit", "selon", "a expliqué", "affirme"],
    "es": ["dijo", "según", "afirmó", "explicó", "declaró"],
    "it": ["ha detto", "secondo", "ha spiegato", "ha dichiarato"],
    "pt": ["disse", "segundo", "afirmou", "explicou"],
    "nl": ["zei", "zegt", "volgens", "aldus"],
    "pl": ["powiedział\\w{0,3}", "według", "poinformował\\w{0,3}"],
    "sv": ["sade", "sa", "säger", "enligt"],
    "tr": ["dedi", "göre", "açıkladı"],
    "da": ["sagde", "ifølge"],
    "no": ["sa", "ifølge"],
    "cs": ["řekl\\w{0,2}", "podle"],
    "ro": ["a spus", "potrivit", "a declarat"],
    "id": ["kata", "menurut"],
}

# The reader addressed: second person, the polite forms, "please".
READER: Lexicon = {
    "en": ["you", "your", "yours", "please"],
    "de": ["(?-i:Sie|Ihr\\w{0,2}|Ihnen)", "du", "dein\\w{0,2}", "dich", "dir", "bitte"],
    "fr": ["suivez", "rejoignez", "abonnez-vous", "inscrivez-vous", "téléchargez", "vous", "votre", "vos", "tu", "tes", "toi", "accédez", "découvrez", "lisez", "profitez", "débloquez", "continuez", "poursuivez"],
    "es": ["tú", "tu", "tus", "usted", "ustedes", "te", "ti", "por favor"],
    "it": ["tuo", "tua", "tuoi", "tue", "ti", "per favore"],
    "pt": ["você", "vocês", "seu", "sua", "seus", "suas", "por favor"],
    "nl": ["je", "jij", "jouw", "uw", "(?-i:u)"],
    "pl": ["ty", "twój", "twoja", "twoje", "twoją", "twojej", "ciebie", "cię", "państwa"],
    "sv": ["du", "din", "ditt", "dina", "ni"],
    "tr": ["siz", "sizin", "sen", "\\w{2,20}(?:iniz|ınız|unuz|ünüz)", "edin", "olun", "yapın", "verin", "indirin", "katılın", "tıklayın", "okuyun", "kaydolun", "bulunun", "destekleyin"],
    "da": ["din", "dit", "dine"],
    "no": ["deg", "ditt"],
    "cs": ["vy", "váš", "vaše", "vás", "vám"],
    "ro": ["dumneavoastră", "tău", "te rugăm", "vă rugăm"],
    "id": ["anda", "kamu"],
}

# The site speaking of itself: first person plural.
SITE_WE: Lexicon = {
    "en": ["we", "(?-i:us)", "our"],
    "de": ["wir", "uns", "unser\\w{0,2}"],
    "fr": ["nous", "notre", "nos"],
    "es": ["nos", "nuestr[oa]s?", "nosotros", "apóyanos", "ayúdanos", "síguenos", "escríbenos"],
    "it": ["noi", "nostr[oaie]", "sostienici", "aiutaci", "seguici", "scrivici"],
    "pt": ["nós", "nosso", "nossa", "nossos", "nossas", "\\w{3,20}-nos"],
    "nl": ["wij", "we", "ons", "onze"],
    "pl": ["nas", "nasz\\w{0,3}"],
    "sv": ["vi", "oss", "vår", "vårt", "våra"],
    "tr": ["biz", "bize", "bizi", "bizim", "bizden"],
    "da": ["vores"],
    "no": ["oss", "vår", "vårt"],
    "cs": ["nás", "náš", "naše", "nám"],
    "ro": ["noi", "nostru", "noastră"],
    "id": ["kami"],
}

# The teller of a promo: now, free, here (an offer, where news would date and place an event).
OFFER: Lexicon = {
    "en": ["now", "today", "free", "here"],
    "de": ["jetzt", "gratis", "kostenlos\\w{0,2}", "hier"],
    "fr": ["maintenant", "gratuit\\w{0,2}", "ici", "dès aujourd'hui"],
    "es": ["ahora", "gratis", "gratuit[oa]", "aquí"],
    "it": ["ora", "subito", "gratis", "gratuit[oa]"],
    "pt": ["agora", "grátis", "gratuit[oa]", "aqui", "já"],
    "nl": ["nu", "gratis", "hier"],
    "pl": ["teraz", "już dziś", "za darmo", "darmow\\w{1,3}", "bezpłatn\\w{1,3}", "tutaj"],
    "sv": ["nu", "gratis", "här"],
    "tr": ["hemen", "şimdi", "artık", "ücretsiz", "buradan"],
    "da": ["nu", "gratis"],
    "no": ["nå", "gratis"],
    "cs": ["nyní", "hned", "zdarma", "zde"],
    "ro": ["acum", "gratuit", "aici"],
    "id": ["sekarang", "gratis", "di sini"],
}
# fmt: on

# No attribution anywhere in the block (anchored, so it is tried once per block): the guard every
# family rule carries.
NOT_REPORTED = r"^(?!.*" + any_of(REPORTED) + ")"
# The reader addressed, or the site speaking as "we".
ADDRESSED = any_of(READER, SITE_WE)
