"""What forum software prints around every post: the poster's counters, the post's buttons, the app's
signature, the thread's navigation. On a forum thread the posts are the content and these lines
are not; every forum engine prints them, in the board's language.
"""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import PhraseRule, rule

CHROME = Reason.PAGE_CHROME

FORUM_RULES: tuple[PhraseRule, ...] = (
    rule(
        "mobile_app_signature",
        CHROME,
        16,
        "a phone app signature under a post",
        r"^\W*(?:sent (?:from|via|using) my|gesendet (?:von|mit) meine[mr]?|envoyé (?:de|depuis|avec) mon|"
        r"enviado (?:desde|de|con) mi|inviato (?:dal|dal mio|con il mio|da)|verzonden (?:vanaf|met|van) mijn|"
        r"enviado (?:do|de) meu|wysłane z mojego|отправлено с моего)\b",
        note="the signature a forum or mail app appends ('Sent from my Pixel 7 using Tapatalk', 'Gesendet von "
        "meinem iPhone mit Tapatalk'); it opens the block. 'The photos were sent from my sister's phone' is a "
        "sentence that does not open with the phrase, and is long",
    ),
    rule(
        "poster_counters",
        CHROME,
        6,
        "the post counters of a forum member",
        r"^\W*(?:posts|threads|messages|replies|reputation|reaction score|likes(?: received)?|(?:trophy )?points|"
        r"solutions|beiträge|themen|nachrichten|réponses|mensajes|respuestas|temas|messaggi|discussioni|"
        r"berichten|posty|сообщени[йя])\s?:\s?[\d][\d.,\s]{0,12}[kK]?\s*$"
        r"|^\W*[\d][\d.,]{0,9}\s(?:posts|beiträge|messages|mensajes|messaggi|berichten|сообщени[йя])\W*$"
        r"|^\W*(?:join(?:ed)?(?: date)?|registered|member since|registriert(?: seit)?|mitglied seit|dabei seit|"
        r"inscrit(?: le| depuis)?|inscription|membre depuis|registrado|miembro desde|iscritto(?: il| dal)?|"
        r"lid sinds|geregistreerd|dołączył|регистрация)\s?:\s?[^:\n]{0,20}\d[^:\n]{0,12}$",
        note="a counter with a number and nothing else ('Posts: 1,077', '38,391 posts', 'Join Date: Aug 2008', "
        "'Registriert: 12.03.2011'); 'Posts on the ministry's site: none' has no number, an article sentence "
        "is longer",
    ),
    rule(
        "post_buttons",
        CHROME,
        6,
        "the buttons of a forum post",
        r"^\W*(?:reply with quote|multi-?quote|quote reply|click to expand\.*|click to shrink\.*|"
        r"report (?:post|this post|abuse|inappropriate content)|(?:up|down)vote|mark as (?:solution|answer)|"
        r"(?:this|that) (?:answer|reply|post) (?:was|is) helpful|"
        r"zitieren|antworten|melden|beitrag melden|citer|répondre|signaler|citar|responder|reportar|"
        r"rispondi|citazione|segnala|citeren|reageren|beantwoorden)\W*$",
        note="the buttons every post carries, alone on their line ('Reply With Quote', 'Click to expand...', "
        "'Report post'); a lone 'Quote' or 'Report' may be a documentation page's heading, so they are not here",
    ),
    rule(
        "reply_login",
        Reason.COMMENTS,
        24,
        "a prompt to log in to reply",
        r"^\W*(?:you (?:must|need to|have to)|please|)\s?(?:be )?(?:log(?:ged)? ?in|sign(?:ed)? ?in|register(?:ed)?)"
        r"\b.{0,40}\bto (?:reply|post (?:a )?reply|respond|answer|join (?:the|this) (?:thread|topic))\b"
        r"|^\W*(?:du musst|sie müssen|bitte)\b.{0,40}\b(?:angemeldet|anmelden|registrier\w*)\b.{0,30}\b(?:antworten|"
        r"beantworten)\b"
        r"|^\W*vous devez être (?:connecté|inscrit)e?s? pour (?:répondre|participer)\b"
        r"|^\W*(?:debes|tienes que|necesitas) (?:iniciar sesión|registrarte|estar registrado)\b.{0,30}\bpara "
        r"(?:responder|participar)\b",
        note="replying locked behind an account, as a forum prints under a thread ('You must log in or register to "
        "reply here.'); 'Residents must register to vote' has no reply in it",
    ),
    rule(
        "thread_navigation",
        CHROME,
        8,
        "the navigation of a forum thread",
        r"^\W*(?:\d[\d,.]{0,6} (?:replies|posts|answers) (?:to|in) this (?:topic|thread|question)|"
        r"top posters in this (?:topic|thread)|start (?:a )?new (?:thread|topic)|post (?:a )?reply|"
        r"reply to this (?:topic|thread)|board index|forum index|go to topic listing|"
        r"(?:previous|next) (?:topic|thread)|jump to (?:page|forum|post)|"
        r"neues thema|thema erstellen|nouveau sujet|nueva respuesta|nuovo argomento)\W*$",
        note="a thread's own links ('20 replies to this topic', 'Start a new thread', 'Board index'), each alone on "
        "its line",
    ),
)
