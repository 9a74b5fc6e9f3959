"""Boilerplate phrasing as data: each rule names the reason it marks and the prompt it targets.

A rule fires on a block when every one of its patterns matches and the block has at most
`max_words` words. The word cap is what keeps article prose safe: prompts are short, while a news
sentence that merely mentions subscribers, paywalls or newsletters is long and matches no prompt
shape. Site names are never literals; where a prompt names the site, the pattern leaves a slot.
Patterns are matched case-insensitively against `match_form(text)`: curly quotes straightened and
words that a scraper glued together ("TRY 14 DAYS FREEAlready a subscriber?") pulled apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.document import Reason


@dataclass(frozen=True)
class PhraseRule:
    """One kind of prompt: every pattern must match a block of at most max_words words."""

    name: str
    reason: Reason
    patterns: tuple[re.Pattern[str], ...]
    max_words: int
    why: str


def _rule(name: str, reason: Reason, max_words: int, why: str, *patterns: str) -> PhraseRule:
    compiled = tuple(re.compile(p, re.IGNORECASE | re.UNICODE) for p in patterns)
    return PhraseRule(name, reason, compiled, max_words, why)


# A site or brand name: one to four words, e.g. "SOFREP", "The Daily Planet".
_SITE = r"(?:[\w&.'-]+ ){1,4}"
# Verbs that ask the reader to pay, register or log in.
_ACCOUNT = r"(?:subscrib\w*|sign(?:ing)? ?(?:in|up)|log ?(?:in|on)|login|register|become a (?:paid )?(?:member|subscriber))"

PAYWALL = Reason.PAYWALL
CTA = Reason.SUBSCRIBE_CTA
NEWSLETTER = Reason.NEWSLETTER
SOCIAL = Reason.SOCIAL_EMBED
COMMENTS = Reason.COMMENTS
RELATED = Reason.RELATED_LINKS

PHRASE_RULES: tuple[PhraseRule, ...] = (
    # --- paywall: the article is cut off or locked -------------------------------------------
    _rule(
        "free_article_limit",
        PAYWALL,
        30,
        "metered paywall: the reader used up free articles",
        r"\byou(?:'ve| have) (?:reached|hit|used(?: up)?|exceeded|run out of)\b.{0,40}\b(?:limit|free (?:articles?|stories|reads?))\b",
    ),
    _rule(
        "articles_remaining",
        PAYWALL,
        25,
        "metered paywall counter",
        r"\byou have (?:\d+|one|two|three|no) (?:more )?(?:free |remaining )?(?:articles?|stories|reads?) (?:left|remaining)\b",
    ),
    _rule(
        "to_continue_reading",
        PAYWALL,
        30,
        "a login or payment demanded to read on",
        _ACCOUNT + r".{0,80}\bto (?:continue|keep|start|finish) reading\b",
    ),
    _rule(
        "continue_reading_with_account",
        PAYWALL,
        30,
        "a login or payment demanded to read on",
        r"\bto (?:continue|keep) reading\b.{0,60}" + _ACCOUNT,
    ),
    _rule(
        "subscribers_only",
        PAYWALL,
        30,
        "content locked to subscribers",
        r"\b(?:this|the (?:full|rest of the)) (?:article|story|content|post|piece) is (?:only )?(?:available|reserved|exclusive|accessible) (?:only )?(?:to|for) (?:our )?(?:paid |paying |premium |digital )?(?:subscribers|members)\b",
    ),
    _rule(
        "read_full_article",
        PAYWALL,
        30,
        "a login or payment demanded for the full text",
        _ACCOUNT
        + r".{0,60}\bto (?:read|access|view|unlock) (?:the|this) (?:full|entire|whole|complete|rest of the) (?:article|story|text)\b",
    ),
    _rule(
        "already_subscriber",
        PAYWALL,
        20,
        "the login link of a paywall box",
        r"(?:already|are you) an? (?:subscriber|member|account holder)\s*\?",
    ),
    _rule(
        "de_paywall",
        PAYWALL,
        30,
        "German paywall: the rest is for subscribers",
        r"\b(?:dieser|der|dieser ganze) (?:artikel|beitrag|inhalt|text) ist (?:nur |exklusiv )?(?:für|fur) (?:unsere )?(?:abonnent\w*|mitglieder|plus-\w+|abo-\w+)",
    ),
    _rule(
        "de_read_on",
        PAYWALL,
        20,
        "German paywall: read on with a subscription",
        r"\b(?:weiterlesen mit|lesen sie (?:jetzt )?weiter mit|um (?:den artikel |diesen artikel |den ganzen artikel )?weiterzulesen)\b",
    ),
    _rule(
        "de_limit",
        PAYWALL,
        30,
        "German metered paywall",
        r"\bsie haben (?:ihr|das|alle) (?:\w+ )?(?:limit|kontingent|gratis-artikel|kostenlosen artikel)",
    ),
    _rule(
        "de_already_subscriber",
        PAYWALL,
        20,
        "German paywall login link",
        r"\bbereits (?:abonnent|abonniert|registriert|kunde)\w*\s*\?",
    ),
    _rule(
        "fr_paywall",
        PAYWALL,
        30,
        "French paywall: the rest is for subscribers",
        r"\b(?:cet article|l['’]article|ce contenu|la suite(?: de cet article)?) est réservée? (?:à nos|aux) abonnés\b",
    ),
    _rule(
        "fr_remaining",
        PAYWALL,
        30,
        "French paywall counter",
        r"\bil vous reste \d+\s?% de (?:cet|l['’])article à lire\b",
    ),
    _rule(
        "fr_read_on",
        PAYWALL,
        25,
        "French paywall: subscribe to read on",
        r"\b(?:abonnez-vous|inscrivez-vous|connectez-vous) pour (?:lire|continuer|poursuivre|accéder)",
    ),
    _rule("fr_already_subscriber", PAYWALL, 20, "French paywall login link", r"\bdéjà abonnée?\s*\?"),
    _rule(
        "es_paywall",
        PAYWALL,
        30,
        "Spanish paywall: the rest is for subscribers",
        r"\b(?:este|el) (?:contenido|artículo) es (?:exclusivo|solo|sólo|únicamente) (?:para|de) (?:nuestros )?(?:suscriptores|socios|abonados)\b",
    ),
    _rule(
        "es_read_on",
        PAYWALL,
        25,
        "Spanish paywall: subscribe to read on",
        r"\b(?:suscríbete|suscribete|regístrate|registrate|inicia sesión) (?:\w+ ){0,3}para (?:seguir|continuar) leyendo\b",
    ),
    _rule(
        "es_limit",
        PAYWALL,
        30,
        "Spanish metered paywall",
        r"\bhas (?:alcanzado|llegado a|consumido) (?:el|tu) (?:límite|limite|máximo)\b",
    ),
    _rule(
        "es_already_subscriber",
        PAYWALL,
        20,
        "Spanish paywall login link",
        r"\b(?:ya eres|¿ya eres) (?:suscriptor|socio|abonado)\w*\s*\?",
    ),
    # --- subscription and trial calls-to-action ---------------------------------------------
    _rule(
        "free_trial_offer",
        CTA,
        45,
        "a trial offer addressed to the reader",
        r"\b(?:click|tap) here\b|\b(?:start|enjoy|get|claim|begin|try|activate) (?:a |your |our |my )?(?:\w+[- ]){0,2}free\b",
        r"\bfree\b.{0,25}\btrial\b|\btrial (?:membership|subscription)\b",
        r"\b(?:you|your|click|tap|here|today|now)\b",
    ),
    _rule(
        "try_free",
        CTA,
        12,
        "a trial button",
        r"\btry (?:it |us |\w+ )?(?:\d+ (?:days?|weeks?|months?) )?(?:for )?free\b",
    ),
    _rule(
        "join_for_access",
        CTA,
        20,
        "a membership pitch: join <site> for access",
        r"\bjoin "
        + _SITE
        + r"(?:for|to get|and get) (?:\w+ ){0,2}(?:insider|exclusive|full|unlimited|premium|members?-only|ad-free) (?:access|content|analysis|coverage|stories)\b",
    ),
    _rule(
        "unlock_access",
        CTA,
        25,
        "a subscription pitch",
        r"\b(?:unlock|get|gain|enjoy) (?:full|unlimited|exclusive|premium|ad-free|instant|digital) (?:digital )?access\b",
    ),
    _rule(
        "imperative_subscribe",
        CTA,
        25,
        "a block that opens by asking the reader to pay or join",
        r"^\W*(?:subscribe|become an? (?:member|subscriber|supporter|patron|insider)|support (?:us|our (?:work|journalism|newsroom|reporting))|donate now|upgrade to (?:premium|pro|plus))\b",
    ),
    _rule(
        "support_journalism",
        CTA,
        30,
        "a donation or subscription pitch",
        r"\bsupport (?:our |independent |quality |local |trusted )(?:\w+ )?(?:journalism|reporting|newsroom|writers|writing staff|journalists)\b",
        r"\b(?:subscrib\w*|donat\w*|contribut\w*|becom\w* a (?:member|supporter|patron)|please)\b|\byour (?:support|contribution|subscription|donation)\b",
    ),
    _rule(
        "de_subscribe",
        CTA,
        20,
        "German subscription pitch",
        r"\bjetzt (?:\w+ )?(?:abonnieren|abonnent werden|testen|abo abschließen|gratis testen|kostenlos testen)\b",
    ),
    _rule(
        "de_trial",
        CTA,
        25,
        "German trial offer",
        r"\b(?:\d+|ersten|einen|vier) (?:tage|wochen|monate?) (?:gratis|kostenlos|für \d+ ?(?:€|euro))\b",
    ),
    _rule(
        "fr_subscribe",
        CTA,
        20,
        "French subscription pitch",
        r"^\W*(?:abonnez-vous|je m['’]abonne|profitez de l['’]offre|essai gratuit|offre (?:d['’]essai|spéciale|découverte))\b",
    ),
    _rule(
        "es_subscribe",
        CTA,
        20,
        "Spanish subscription pitch",
        r"^\W*(?:suscríbete|suscribete|hazte (?:socio|suscriptor|premium)|prueba gratis|oferta especial)\b",
    ),
    # --- newsletter sign-ups ------------------------------------------------------------------
    _rule(
        "newsletter_signup",
        NEWSLETTER,
        35,
        "a newsletter sign-up box",
        r"\b(?:sign(?:ing)? up|subscrib\w*|register|join|get|receive)\b.{0,40}\b(?:our|my) (?:\w+ ){0,3}(?:newsletters?|e-?mail (?:updates|alerts|briefing)|mailing list|digest)\b"
        r"|^\W*(?:sign up|subscribe|register|join|get|receive)\b.{0,50}\b(?:newsletters?|mailing list)\b",
    ),
    _rule(
        "inbox_delivery",
        NEWSLETTER,
        35,
        "a newsletter pitch",
        r"\b(?:delivered|straight|directly|sent|right|land) (?:\w+ ){0,2}(?:to|in|into) your inbox\b",
        r"\b(?:sign(?:ing)? up|subscrib\w*|newsletters?|register)\b",
    ),
    _rule(
        "email_field",
        NEWSLETTER,
        15,
        "the e-mail field of a sign-up form",
        r"\b(?:enter|type|provide|submit) your e-?mail\b|^\W*(?:your )?e-?mail(?: address)?\W*$",
    ),
    _rule(
        "signup_fine_print",
        NEWSLETTER,
        45,
        "the small print under a sign-up form",
        r"\bby (?:signing up|subscribing|clicking|entering your e-?mail)\b.{0,60}\b(?:you )?(?:agree|accept|consent|acknowledge)\b|\b(?:you can |you may )?unsubscribe (?:at any time|anytime)\b",
    ),
    _rule(
        "newsletter_label",
        NEWSLETTER,
        6,
        "a newsletter box heading",
        r"^\W*(?:(?:get |sign up for |subscribe to )?(?:our|the) \w* ?newsletter|newsletter sign-?up|stay (?:informed|in the loop|up to date))\W*$",
    ),
    _rule(
        "de_newsletter",
        NEWSLETTER,
        25,
        "German newsletter sign-up",
        r"\bnewsletter (?:abonnieren|bestellen|anmelden)\b|\b(?:melden sie sich|abonnieren sie)\b.{0,40}\bnewsletter\b",
    ),
    _rule(
        "fr_newsletter",
        NEWSLETTER,
        25,
        "French newsletter sign-up",
        r"\b(?:inscrivez-vous|abonnez-vous|recevez)\b.{0,30}\b(?:newsletter|lettre d['’]information)\b",
    ),
    _rule(
        "es_newsletter",
        NEWSLETTER,
        25,
        "Spanish newsletter sign-up",
        r"\b(?:suscríbete|suscribete|recibe|apúntate)\b.{0,30}\b(?:newsletter|boletín|boletin)\b",
    ),
    # --- social-embed residue -----------------------------------------------------------------
    _rule(
        "embed_link",
        SOCIAL,
        3,
        "the link an embedded tweet or post leaves as text",
        r"^\W*(?:https?://)?(?:pic\.twitter\.com|t\.co|instagr\.am|youtu\.be)/\S+\W*$",
    ),
    _rule(
        "instagram_embed",
        SOCIAL,
        12,
        "Instagram embed chrome",
        r"\bview (?:this|the) (?:post|profile|photo|video) on instagram\b|\ba post shared by\b.{0,80}\(@[\w.]+\)",
    ),
    _rule(
        "embed_placeholder",
        SOCIAL,
        20,
        "a consent placeholder for blocked embedded media",
        r"\b(?:click|tap|accept\w*) (?:\w+ ){0,4}to (?:view|load|show|see|play) (?:this |the )?(?:tweet|post|video|embed|content from)\b|\bwatch (?:this video |it )?on youtube\b",
    ),
    # --- comment-section stubs ----------------------------------------------------------------
    _rule(
        "comments_heading",
        COMMENTS,
        4,
        "a comments section heading or counter",
        r"^\W*(?:\d+\s+)?(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|reader comments)(?:\s*\(\d+\))?\W*$",
    ),
    _rule(
        "comment_prompt",
        COMMENTS,
        12,
        "a comment box prompt",
        r"^\W*(?:leave|post|add|write|submit|show|view|load|see|read) (?:(?:a|all|the|your|\d+) ){0,2}(?:comments?|reply|replies|responses?)\b|\bbe the first to (?:comment|respond|reply)\b|\bjoin the (?:conversation|discussion)\b",
    ),
    _rule(
        "comments_closed",
        COMMENTS,
        15,
        "a closed comments notice",
        r"\bcomments (?:are|have been) (?:closed|disabled|turned off)\b",
    ),
    _rule(
        "comments_login",
        COMMENTS,
        30,
        "comments locked behind an account",
        _ACCOUNT
        + r".{0,60}\bto (?:view|post|read|leave|add|join|see)(?: or (?:view|post|read|leave|add))? (?:\w+ ){0,2}(?:comments?|discussion|conversation)\b",
    ),
    # --- related links (labels; runs of headlines are a sequence heuristic in boilerplate.py) ---
    _rule(
        "related_label",
        RELATED,
        6,
        "the heading of a related-links box",
        r"^\W*(?:related(?: (?:articles|stories|posts|coverage|content|news|reading))?|recommended(?: for you| stories| reading)?|more (?:from|on|stories|news|like this)\b.{0,30}|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|read next|up next|trending(?: now| stories)?|most (?:popular|read|viewed)|popular (?:now|stories|posts)|further reading|see also|also read|don['’]t miss|top stories|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|sur le même sujet|te puede interesar|noticias relacionadas|lee también)\W*$",
    ),
    _rule(
        "related_lead_in",
        RELATED,
        25,
        "an inline link to another article",
        r"^\W*(?:read more|also read|read also|related|see also|recommended|more|lesen sie auch|lire aussi|à lire aussi|lee también|leer más)\s*[:|»>]\s*\S",
    ),
)

_GLUED_CAPS = re.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z])")
_GLUED_SENTENCE = re.compile(r"(?<=[a-z][.?!])(?=[A-Z])")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def match_form(text: str) -> str:
    """The text rules match against: quotes straightened, glued words ("FREEAlready") split."""
    text = text.translate(_QUOTES)
    return _GLUED_SENTENCE.sub(" ", _GLUED_CAPS.sub(" ", text))


# Residue glued to the end of an article block that segmentation splits off as a fragment
# (scrapers keep a tweet's image link on the same line as the tweet's text).
TRAILING_RESIDUE = re.compile(r"\s(?:https?://)?pic\.twitter\.com/\w+\s*$", re.IGNORECASE)
