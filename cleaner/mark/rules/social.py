"""Social-embed residue: links, embed chrome and share bars that embedded posts leave as text."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import TO_READER, PhraseRule, rule

SOCIAL = Reason.SOCIAL_EMBED

# Social networks a page links to or embeds from.
_NETWORK = (
    r"(?:twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon|pinterest|telegram|whatsapp|"
    r"snapchat)\b"
)

SOCIAL_EMBED_RULES: tuple[PhraseRule, ...] = (
    rule(
        "embed_link",
        SOCIAL,
        3,
        "the link an embedded post leaves as text",
        r"^\W*(?:https?://)?(?:pic\.twitter\.com|t\.co|instagr\.am|youtu\.be)/\S++\W*+$",
        note="the link an embedded tweet or post leaves as text (the path and the punctuation after it are "
        "each taken whole: giving them back to one another made a link followed by dots quadratic)",
    ),
    rule(
        "instagram_embed",
        SOCIAL,
        12,
        "what an embedded Instagram post leaves as text",
        r"\bview (?:this|the) (?:post|profile|photo|video) on instagram\b|\ba post shared by\b.{0,80}\(@[\w.]+\)",
        note="Instagram embed chrome",
    ),
    rule(
        "embed_placeholder",
        SOCIAL,
        20,
        "a placeholder for blocked embedded media",
        r"\b(?:click|tap|accept\w*|allow) (?:\w+ ){0,4}to (?:view|load|show|see|play) (?:this |the )?(?:tweet|post|video|"
        r"embed|content from)\b|^\W*watch (?:this video |the video |it )?on youtube\W*$",
        TO_READER + r"|^\W*watch\b",
        note="a consent placeholder for blocked embedded media, addressed to the reader ('users must "
        "accept cookies to view the video' is news)",
    ),
    rule(
        "social_follow",
        SOCIAL,
        25,
        "a follow-us line",
        r"^\W*(?:please )?(?:follow|like|find|join|connect with) (?:us|me|him|her|them|(?:[\w.&'-]+ ){1,6}?)(?:on|via) "
        + _NETWORK
        + r"(?:\s*(?:,|and|or|&)\s*(?:on )?"
        + _NETWORK
        + r"|\s*\(?@[\w.]+\)?|\s+(?:for|to (?:see|get|stay|keep))\b[^.!]{0,40})*\s*(?:[.!](?:\s|$)|$)",
        note="a follow-us line: it opens with the request and ends with the networks (or a handle), so an "
        "opinion writer's 'Follow the senator's account on Twitter and you will see why' stays",
    ),
    rule(
        "share_bar",
        SOCIAL,
        12,
        "a row of share buttons",
        r"^\W*(?:click to )?share (?:on|to|via|this) (?:\w+ ){0,2}?(?:twitter|x|facebook|linkedin|reddit|pinterest|"
        r"whatsapp|e-?mail|story|article|post)\b(?:\W*\(?opens in (?:a )?new window\)?)?\W*$"
        r"|^(?:\W*\b(?:share|tweet|e-?mail|print|copy link|whatsapp|facebook(?:-f)?|twitter|x|linkedin(?:-in)?|reddit|"
        r"pinterest|google\+?|instagram|youtube|tiktok|telegram|messenger|rss(?: feed)?|flipboard|icon)\b){2,}\W*$",
        note="a row of share buttons: two or more network names or share words and nothing else (a single "
        "'Facebook' may be an article's subhead)",
    ),
    rule(
        "eu_social_follow",
        SOCIAL,
        22,
        "a follow-us line (de, fr, es, it, pt, nl, pl, sv, tr)",
        r"^\W*(?:folgen sie uns|besuchen sie uns(?: auch)?|suivez-nous|rejoignez-nous|retrouvez-nous|suivez|síguenos|encuéntranos"
        r"|sigue a|seguici|trovaci|segui|siga-nos|siga o|siga a|encontre-nos|volg ons|volg|je vindt ons|obserwuj nas|śledź|znajdziesz nas"
        r"|följ oss|följ|du hittar oss|bizi)\b"
        # Verb-final: "{site} auf Twitter folgen", "... hesabını takip edin".
        r"|\b(?:folgen|volgen|takip edin\w*)\W*$",
        r"\b(?:facebook\w*|instagram\w*|twitter\w*|x|tiktok\w*|youtube|linkedin|whatsapp\w*|telegram|threads|bluesky|mastodon)\b",
        note="a follow-us line in nine more languages: an order opening the block and a network named "
        "('Seguidores de Instagram criticaron al ministro' opens with no order and stays)",
    ),
    rule(
        "join_channel",
        SOCIAL,
        16,
        "an invitation to a messaging channel of the site",
        r"^\W*(?:join|abonnieren sie|rejoignez|únete a|unisciti al|entre no|word lid van|dołącz do|gå med i|kanalımıza katılın"
        r"|\w{0,20} ?kanalımıza)\b.{0,30}\b(?:whatsapp|telegram|signal|viber)\b"
        r"|\b(?:whatsapp|telegram)[- ]?(?:channel|kanal\w*|chaîne|canal)\b.{0,20}\W*$",
        note="an invitation to the site's WhatsApp or Telegram channel",
    ),
)
