"""Comment-section stubs: headings, counters, prompts, closed notices, login walls."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import ACCOUNT, TO_READER, PhraseRule, rule

COMMENTS = Reason.COMMENTS

COMMENT_RULES: tuple[PhraseRule, ...] = (
    rule(
        "comments_heading",
        COMMENTS,
        4,
        "a comments section heading or counter",
        r"^\W*(?:\(?\d+\)?\s+)?(?:(?:all|latest|last|recent|top|reader|readers') )?(?:comments?|responses?|replies|"
        r"kommentare?|commentaires?|comentarios?|commenti)(?: (?:&|and) replies)?(?:\s*\(\d+\))?\W*$",
        note="a comments section heading or counter ('Comments (4)', '(42) Comments', 'Latest comments')",
    ),
    rule(
        "comment_prompt",
        COMMENTS,
        12,
        "a comment box prompt or button",
        r"^\W*(?:leave|post|add|write|submit|show|hide|view|load|see|read) (?:(?:a|all|the|your|more|\d+) ){0,3}"
        r"(?:comments?|reply|replies|responses?)\b(?:\s*\(\d+\))?(?:\s+(?:below|here|now|cancel reply|on (?:this|the) "
        r"(?:article|story|post|page)))?\W*$"
        r"|\bbe the first to (?:comment|respond|reply)\b"
        r"|^\W*(?:(?:want|ready) to )?join (?:the )?(?:conversation|discussion)\b"
        r"|^\W*comment on this (?:article|story|post)\W*$"
        r"|^\W*(?:loading comments|comment \(required\)|commenting (?:rules|guidelines|policy))\W*$"
        r"|\bjavascript (?:is required|must be enabled) to (?:load|view|see|post) (?:the )?comments\b"
        r"|^\W*comments are (?:subject to|moderated)\b"
        r"|^\W*lascia un commento\b"
        r"|^\W*(?:tell us what you think|have your say|let us know what you think|join the debate)\W*$",
        note="a comment box prompt or button; the whole block is the prompt ('Read the replies from both "
        "campaigns below' stays)",
    ),
    rule(
        "comments_closed",
        COMMENTS,
        15,
        "a notice that comments are closed",
        r"^\W*comments (?:(?:on|for|to) this (?:article|story|post|page|entry) )?(?:are|is|have been) (?:now )?"
        r"(?:closed|disabled|turned off)\b",
        note="a closed comments notice, opening the block ('YouTube said comments have been disabled' is news)",
    ),
    rule(
        "comments_login",
        COMMENTS,
        30,
        "a prompt to log in to comment",
        ACCOUNT
        + r".{0,60}\bto (?:comment\b|(?:view|post|read|leave|add|join|see)(?: or (?:view|post|read|leave|add))? "
        r"(?:\w+ ){0,2}(?:comments?|discussion|conversation)\b)",
        TO_READER,
        note="comments locked behind an account, addressed to the reader",
    ),
    rule(
        "comments_login_i18n",
        COMMENTS,
        25,
        "a prompt to log in to comment (German, French or Spanish)",
        r"\b(?:melden sie sich(?: \w+)? an|loggen sie sich(?: \w+)? ein|registrieren sie sich)\b.{0,40}\bum (?:einen kommentar "
        r"(?:zu )?(?:schreiben|verfassen|abzugeben)|zu kommentieren|mitzudiskutieren)\b"
        r"|\b(?:connectez-vous|identifiez-vous|inscrivez-vous|abonnez-vous)\b.{0,30}\bpour (?:commenter|réagir|"
        r"laisser un commentaire)\b"
        r"|\b(?:inicia sesión|regístrate|registrate|suscríbete|suscribete)\b.{0,30}\bpara (?:comentar|dejar un "
        r"comentario|participar)\b",
        note="comments locked behind an account, in German, French and Spanish (formal or familiar imperative)",
    ),
    rule(
        "comment_form",
        COMMENTS,
        20,
        "a comment form notice",
        r"\b(?:your e-?mail(?: address)? will not be published|required fields are marked|you must be logged in to (?:post a )?comment"
        r"|comments (?:are|will be) (?:moderated|reviewed|checked)|comments that (?:break|violate)\b.{0,30}\b(?:removed|deleted)"
        r"|start the (?:conversation|discussion)|ihre e-mail-adresse wird nicht veröffentlicht|kommentar (?:schreiben|verfassen)"
        r"|kommentarfunktion|kommentare werden\b.{0,30}\b(?:geprüft|freigeschaltet|moderiert)"
        r"|laisser un commentaire|votre adresse (?:e-?mail|de messagerie) ne sera pas publiée|les commentaires sont (?:fermés|modérés)"
        r"|réagissez à cet article|deja (?:un|tu) comentario|tu dirección de correo(?: electrónico)? no será publicada"
        r"|los comentarios están (?:cerrados|moderados)|comenta (?:esta|este) (?:noticia|artículo)|lascia un commento"
        r"|il tuo indirizzo (?:e-?mail )?non sarà pubblicato|i commenti sono (?:chiusi|moderati)|commenta (?:questa notizia|l'articolo)"
        r"|deixe (?:um|seu) comentário|o seu endereço de e-?mail não será publicado|os comentários estão (?:encerrados|fechados)"
        r"|comente esta (?:notícia|matéria)|laat een reactie achter|je e-?mailadres wordt niet gepubliceerd|reageren is niet (?:meer )?mogelijk"
        r"|reageer op (?:dit|het) artikel|dodaj komentarz|twój adres e-?mail nie zostanie opublikowany|komentarze są (?:wyłączone|zamknięte)"
        r"|skomentuj (?:ten )?artykuł|lämna en kommentar|din e-postadress kommer inte (?:att )?publiceras|kommentarsfältet är stängt"
        r"|kommentera artikeln|yorum yap|e-posta adresiniz yayınlanmayacak|yorum yapılamaz|yorumunuzu (?:yazın|paylaşın))\b",
        note="the notices of a comment form: the e-mail disclaimer, the moderation note, the closed notice and "
        "the prompt, in ten languages ('YouTube said comments have been disabled' is news and stays)",
    ),
)
