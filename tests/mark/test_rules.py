"""Phrase rules as tables: every rule has prompts it must mark and, per reason, prose it must leave.

Positives are short prompts as pages print them; negatives are article sentences that talk about
subscribers, paywalls, newsletters, trials, comments, social networks or related coverage, which a
cleaner must never remove. Both are checked directly (`first_matching_rule`) and through the public
path (`cleaner.clean` on plain text), so a rule that fires in isolation but not in the pipeline, or
the reverse, fails here.
"""

from __future__ import annotations

import re

import pytest

from cleaner import Block, CleanOptions, Document, Reason, clean, to_result
from cleaner.mark.boilerplate import first_matching_rule
from cleaner.mark.rules import PHRASE_RULES, match_form
from cleaner.read.segment import TRAILING_RESIDUE
from tests.conftest import FIXTURES
from tests.mark.family_examples import FAMILY_NEGATIVES, FAMILY_POSITIVES

PAYWALL = Reason.PAYWALL
CTA = Reason.SUBSCRIBE_CTA
NEWSLETTER = Reason.NEWSLETTER
SOCIAL = Reason.SOCIAL_EMBED
COMMENTS = Reason.COMMENTS
RELATED = Reason.RELATED_LINKS
CREDIT = Reason.CREDIT
CHROME = Reason.PAGE_CHROME
ADS = Reason.ADVERTISEMENT
PROMO = Reason.PROMO

TEXT = CleanOptions(format="text")

# Article prose around the line under test, so that the pipeline sees a real page: a prompt is
# judged between paragraphs, not as a page of its own.
LEAD = (
    "The city council voted on Tuesday to close the old harbour library at the end of the year, "
    "ending a century of service in a building that has flooded three times since 2010."
)
TAIL = (
    "Council members said the collection would move to the new civic centre, where a reading room "
    "is due to open in the spring, although no date has been set."
)

# (rule, reason, prompt): the rule named must be the first one to match the prompt.
POSITIVES: list[tuple[str, Reason, str]] = [
    # --- paywall, English ---
    ("free_article_limit", PAYWALL, "You've reached your monthly free article limit."),
    ("free_article_limit", PAYWALL, "You have used up all of your free articles for this month."),
    ("free_article_limit", PAYWALL, "You’ve hit your limit of free stories. Subscribe for unlimited access."),
    ("articles_remaining", PAYWALL, "You have 2 free articles left this month."),
    ("articles_remaining", PAYWALL, "You have one more free story remaining."),
    ("to_continue_reading", PAYWALL, "Subscribe today to continue reading this story."),
    ("to_continue_reading", PAYWALL, "Please log in or register to continue reading."),
    ("to_continue_reading", PAYWALL, "Create a free account or sign in to keep reading."),
    ("to_continue_reading", PAYWALL, "You must be a subscriber to continue reading."),
    ("continue_reading_with_account", PAYWALL, "To continue reading, please subscribe."),
    ("continue_reading_with_account", PAYWALL, "To keep reading this article, log in or create an account."),
    ("subscribers_only", PAYWALL, "This article is only available to subscribers."),
    ("subscribers_only", PAYWALL, "The full story is exclusive to our digital subscribers."),
    ("subscribers_only", PAYWALL, "This content is reserved for premium members."),
    ("read_full_article", PAYWALL, "Sign in to read the full article."),
    ("read_full_article", PAYWALL, "Subscribe now to unlock the rest of the story."),
    ("already_subscriber", PAYWALL, "Already a subscriber? Sign in"),
    ("already_subscriber", PAYWALL, "Already a member?"),
    ("already_subscriber", PAYWALL, "GET 30 DAYS FREEAlready a member? Sign in"),
    ("already_subscriber", PAYWALL, "Are you a subscriber? Log in here"),
    # --- paywall, German ---
    ("de_paywall", PAYWALL, "Dieser Artikel ist nur für Abonnenten verfügbar."),
    ("de_paywall", PAYWALL, "Dieser Beitrag ist exklusiv für Plus-Leser."),
    ("de_paywall", PAYWALL, "Dieser Inhalt ist nur für Mitglieder sichtbar."),
    ("de_read_on", PAYWALL, "Weiterlesen mit Plus"),
    ("de_read_on", PAYWALL, "Lesen Sie jetzt weiter mit Ihrem Digital-Abo"),
    ("de_read_on", PAYWALL, "Um den ganzen Artikel weiterzulesen, schließen Sie ein Abo ab."),
    ("de_limit", PAYWALL, "Sie haben Ihr monatliches Limit an kostenlosen Artikeln erreicht."),
    ("de_already_subscriber", PAYWALL, "Bereits Abonnent? Hier anmelden"),
    ("de_already_subscriber", PAYWALL, "Sie sind bereits registriert? Jetzt einloggen"),
    # --- paywall, French ---
    ("fr_paywall", PAYWALL, "Cet article est réservé aux abonnés."),
    ("fr_paywall", PAYWALL, "La suite de cet article est réservée à nos abonnés."),
    ("fr_remaining", PAYWALL, "Il vous reste 80% de cet article à lire."),
    ("fr_remaining", PAYWALL, "Il vous reste 65 % de l’article à lire."),
    ("fr_read_on", PAYWALL, "Abonnez-vous pour lire la suite de l'article."),
    ("fr_read_on", PAYWALL, "Connectez-vous pour accéder à cet article."),
    ("fr_already_subscriber", PAYWALL, "Déjà abonné ? Connectez-vous"),
    # --- paywall, Spanish ---
    ("es_paywall", PAYWALL, "Este contenido es exclusivo para suscriptores."),
    ("es_paywall", PAYWALL, "Este artículo es solo para abonados."),
    ("es_read_on", PAYWALL, "Suscríbete para seguir leyendo."),
    ("es_read_on", PAYWALL, "Regístrate gratis para continuar leyendo."),
    ("es_limit", PAYWALL, "Has alcanzado el límite de artículos gratuitos de este mes."),
    ("es_already_subscriber", PAYWALL, "¿Ya eres suscriptor? Inicia sesión"),
    # --- newsletter sign-up, English ---
    ("newsletter_signup", NEWSLETTER, "Sign up for our daily newsletter."),
    ("newsletter_signup", NEWSLETTER, "Subscribe to our newsletter"),
    ("newsletter_signup", NEWSLETTER, "Get our Morning Briefing newsletter every weekday."),
    (
        "newsletter_signup",
        NEWSLETTER,
        "Want the day's news in five minutes? Sign up for the Briefing newsletter.",
    ),
    (
        "inbox_delivery",
        NEWSLETTER,
        "The best stories of the day, delivered straight to your inbox. Sign up now.",
    ),
    ("email_field", NEWSLETTER, "Enter your email address"),
    ("email_field", NEWSLETTER, "Email address"),
    ("email_field", NEWSLETTER, "Enter your email to get our weekly roundup of local news."),
    ("signup_fine_print", NEWSLETTER, "By signing up, you agree to our Terms of Use and Privacy Policy."),
    ("signup_fine_print", NEWSLETTER, "You can unsubscribe at any time."),
    ("newsletter_label", NEWSLETTER, "Our Weekly Newsletter"),
    ("newsletter_label", NEWSLETTER, "Stay informed"),
    ("newsletter_label", NEWSLETTER, "Newsletters"),
    ("newsletter_label", NEWSLETTER, "Email Newsletters"),
    ("newsletter_label", NEWSLETTER, "Valley Courier Newsletters"),
    ("newsletter_label", NEWSLETTER, "Best of the Week Newsletter"),
    ("signup_status", NEWSLETTER, "Thanks for signing up!"),
    ("signup_status", NEWSLETTER, "You have been successfully subscribed."),
    ("signup_status", NEWSLETTER, "There was a problem subscribing you. Please try again."),
    ("signup_status", NEWSLETTER, "Join 1,204 other subscribers"),
    # --- newsletter sign-up, German, French, Spanish ---
    ("de_newsletter", NEWSLETTER, "Newsletter abonnieren"),
    ("de_newsletter", NEWSLETTER, "Melden Sie sich für unseren Newsletter an."),
    ("de_newsletter", NEWSLETTER, "Jetzt kostenlos den Newsletter bestellen"),
    ("fr_newsletter", NEWSLETTER, "Inscrivez-vous à notre newsletter"),
    ("fr_newsletter", NEWSLETTER, "Recevez notre lettre d'information chaque matin."),
    ("es_newsletter", NEWSLETTER, "Suscríbete a nuestro boletín"),
    ("es_newsletter", NEWSLETTER, "Recibe cada mañana nuestra newsletter con lo más leído."),
    # --- subscription and trial calls-to-action ---
    ("free_trial_offer", CTA, "New here? Click here to start your free 30-day trial and get every story."),
    ("free_trial_offer", CTA, "Start your free trial today and read without limits."),
    (
        "free_trial_offer",
        CTA,
        "If you’re visiting for the first time, tap here to get a free one-month trial subscription.",
    ),
    ("try_free", CTA, "Try 30 days free"),
    ("try_free", CTA, "Try it free"),
    ("join_for_access", CTA, "Join The Daily Ledger to get unlimited access."),
    ("unlock_access", CTA, "Get unlimited digital access for $1 a week."),
    ("unlock_access", CTA, "Unlock full access to all our stories."),
    ("imperative_subscribe", CTA, "Subscribe now"),
    ("imperative_subscribe", CTA, "Become a member and support independent reporting."),
    ("imperative_subscribe", CTA, "Donate now"),
    (
        "support_journalism",
        CTA,
        "If you value this reporting, please support our journalism with a monthly contribution.",
    ),
    (
        "support_journalism",
        CTA,
        "Readers like you make our work possible. Support independent journalism with a donation today.",
    ),
    ("support_journalism", CTA, "Please consider supporting our journalism."),
    ("account_button", CTA, "Sign in"),
    ("account_button", CTA, "Log in / Register"),
    ("account_button", CTA, "LOG IN"),
    ("account_button", CTA, "Sign In with Google"),
    ("account_button", CTA, "Manage your subscription"),
    ("account_button", CTA, "Member Login"),
    ("account_button", CTA, "Forgot your password?"),
    ("account_button", CTA, "Register for free"),
    ("de_subscribe", CTA, "Jetzt abonnieren"),
    ("de_subscribe", CTA, "Jetzt Abonnent werden und alle Artikel lesen"),
    ("de_trial", CTA, "4 Wochen gratis testen"),
    ("de_trial", CTA, "Die ersten 4 Wochen für 1 € lesen"),
    ("fr_subscribe", CTA, "Abonnez-vous dès 1 € par mois"),
    ("fr_subscribe", CTA, "Je m'abonne"),
    ("es_subscribe", CTA, "Suscríbete desde 1 € al mes"),
    ("es_subscribe", CTA, "Hazte socio"),
    # --- social-embed residue ---
    ("embed_link", SOCIAL, "pic.twitter.com/AbC123xyz"),
    ("embed_link", SOCIAL, "https://t.co/Xy12AbCd"),
    ("instagram_embed", SOCIAL, "View this post on Instagram"),
    ("instagram_embed", SOCIAL, "A post shared by Jane Doe (@janedoe)"),
    ("embed_placeholder", SOCIAL, "Click here to view this tweet"),
    ("embed_placeholder", SOCIAL, "Accept cookies to load this video"),
    ("embed_placeholder", SOCIAL, "Watch on YouTube"),
    ("social_follow", SOCIAL, "Follow us on Twitter @ValleyCourier"),
    ("social_follow", SOCIAL, "Follow The Valley Courier on Facebook, Instagram and YouTube."),
    ("social_follow", SOCIAL, "Like us on Facebook to get the latest stories"),
    ("share_bar", SOCIAL, "Facebook Twitter WhatsApp Email"),
    ("share_bar", SOCIAL, "Share on X"),
    ("share_bar", SOCIAL, "Click to share on Reddit (Opens in new window)"),
    ("share_bar", SOCIAL, "Share this article"),
    # --- comment sections ---
    ("comments_heading", COMMENTS, "Comments"),
    ("comments_heading", COMMENTS, "12 Comments"),
    ("comments_heading", COMMENTS, "Comments (4)"),
    ("comments_heading", COMMENTS, "Kommentare"),
    ("comments_heading", COMMENTS, "(7) Comments"),
    ("comments_heading", COMMENTS, "Latest comments"),
    ("comment_prompt", COMMENTS, "Leave a comment"),
    ("comment_prompt", COMMENTS, "View all 23 comments"),
    ("comment_prompt", COMMENTS, "Be the first to comment"),
    ("comment_prompt", COMMENTS, "Join the conversation"),
    ("comment_prompt", COMMENTS, "Leave a Reply Cancel reply"),
    ("comment_prompt", COMMENTS, "Want to join the discussion?"),
    ("comment_prompt", COMMENTS, "Comment on this story"),
    ("comment_prompt", COMMENTS, "Loading comments..."),
    ("comment_prompt", COMMENTS, "JavaScript must be enabled to view the comments."),
    ("comment_prompt", COMMENTS, "Comments are moderated and may take a day to appear."),
    ("comments_closed", COMMENTS, "Comments are closed."),
    ("comments_closed", COMMENTS, "Comments on this article are closed."),
    ("comments_login", COMMENTS, "You must be logged in to post a comment."),
    ("comments_login", COMMENTS, "Log in or register to join the discussion."),
    ("comments_login_i18n", COMMENTS, "Melden Sie sich an, um zu kommentieren."),
    ("comments_login_i18n", COMMENTS, "Connectez-vous pour réagir à cet article."),
    ("comments_login_i18n", COMMENTS, "Inicia sesión para comentar"),
    # --- related links ---
    ("related_label", RELATED, "Related Articles"),
    ("related_label", RELATED, "More from The Ledger"),
    ("related_label", RELATED, "You may also like"),
    ("related_label", RELATED, "Lesen Sie auch"),
    ("related_label", RELATED, "À lire aussi"),
    ("related_label", RELATED, "Te puede interesar"),
    ("related_label", RELATED, "More in Politics"),
    ("related_label", RELATED, "More from Science..."),
    ("related_label", RELATED, "Latest News"),
    ("related_label", RELATED, "Related Videos:"),
    ("related_label", RELATED, "Sponsored Content"),
    ("related_label", RELATED, "Trending Now on The Courier"),
    ("related_label", RELATED, "Most Popular This Week"),
    ("related_label", RELATED, "Read More"),
    ("related_lead_in", RELATED, "Read more: City council votes to close the old library"),
    ("related_lead_in", RELATED, "Lesen Sie auch: Der Streit um die Grundsteuer geht weiter"),
    # --- calls-to-action that open on the reader's liking ---
    (
        "if_you_value",
        CTA,
        "If you enjoyed this article, we have a proposition for you: join our members' club.",
    ),
    ("if_you_value", CTA, "If you value our reporting, please support us with a monthly contribution."),
    ("ad_blocker_request", CTA, "We rely on ads to fund our newsroom. Please disable your ad blocker."),
    ("ad_blocker_request", CTA, "Please whitelist us so we can keep writing."),
    # --- credits and notices ---
    ("copyright_notice", CREDIT, "Copyright © 2023 Example Media Group. All Rights Reserved."),
    ("copyright_notice", CREDIT, "© 2005-2023 The Daily Planet"),
    ("copyright_notice", CREDIT, "Alle Rechte vorbehalten."),
    ("reprint_notice", CREDIT, "This copy is for your personal, non-commercial use only."),
    ("reprint_notice", CREDIT, "Reprints & Permissions"),
    ("photo_credit", CREDIT, "Photo: Jane Doe/Reuters"),
    ("photo_credit", CREDIT, "Image credit: NASA/JPL-Caltech"),
    ("photo_credit", CREDIT, "Photograph by Ali Kemal for The Gazette"),
    ("caption_credit", CREDIT, "Crowds gathered outside the stadium on Sunday (Image: Getty)"),
    ("caption_credit", CREDIT, "The new bridge at dusk (Photo credit: City of Riverton)"),
    ("author_contact", CREDIT, "Write to Maria Lopez at maria.lopez@example.com"),
    ("author_contact", CREDIT, "Email the author at editor@example.org or follow him on Twitter."),
    ("tool_label", CHROME, "Print article"),
    ("tool_label", CHROME, "Text size"),
    ("tool_label", CHROME, "Listen to this article"),
    ("tool_label", CHROME, "An error has occurred, please try again later."),
    ("tag_list", RELATED, "Tags: elections, Congress, voting rights"),
    ("tag_list", RELATED, "Filed under: Science, Space"),
    ("related_label", RELATED, "Tags"),
    ("related_lead_in", RELATED, "SEE MORE: Council approves the new tram line"),
    ("related_lead_in", RELATED, "Don't miss: the ten best walks in the valley"),
    ("comment_prompt", COMMENTS, "Tell us what YOU think..."),
    ("comment_prompt", COMMENTS, "Have your say"),
    # --- ad markers, app promos, cookie banners, share prompts (ten languages) ---
    ("ad_label", ADS, "Advertisement"),
    ("ad_label", ADS, "ADVERTISEMENT"),
    ("ad_label", ADS, "Story continues below advertisement"),
    ("ad_label", ADS, "Anzeige"),
    ("ad_label", ADS, "Publicité"),
    ("ad_label", ADS, "Publicidad"),
    ("ad_label", ADS, "Pubblicità"),
    ("ad_label", ADS, "Publicidade"),
    ("ad_label", ADS, "Advertentie"),
    ("ad_label", ADS, "Reklama"),
    ("ad_label", ADS, "Annons"),
    ("ad_label", ADS, "Reklam"),
    ("app_download", PROMO, "Download the Nordpost app for breaking news alerts."),
    ("app_download", PROMO, "Read this story in our app."),
    ("app_download", PROMO, "Laden Sie die Nordpost-App herunter."),
    ("app_download", PROMO, "Téléchargez l'application Harbour Times."),
    ("app_download", PROMO, "Descarga la app de El Diario Sur."),
    ("app_download", PROMO, "Scarica l'app di Gazzetta del Lago."),
    ("app_download", PROMO, "Baixe o app do Kurier24."),
    ("app_download", PROMO, "Download de Nordpost-app."),
    ("app_download", PROMO, "Pobierz aplikację Nordpost."),
    ("app_download", PROMO, "Ladda ner Nordpost-appen."),
    ("app_download", PROMO, "Nordpost uygulamasını indirin."),
    ("app_download", PROMO, "Available on the App Store"),
    ("store_badge", PROMO, "App Store and Google Play"),
    ("store_badge", PROMO, "Google Play"),
    ("cookie_banner", CHROME, "We use cookies to improve your experience on our site."),
    ("cookie_banner", CHROME, "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten."),
    ("cookie_banner", CHROME, "Nous utilisons des cookies pour améliorer votre expérience."),
    ("cookie_banner", CHROME, "Utilizamos cookies para mejorar tu experiencia."),
    ("cookie_banner", CHROME, "Używamy plików cookies, aby poprawić działanie serwisu."),
    ("cookie_banner", CHROME, "Deneyiminizi geliştirmek için çerezler kullanıyoruz."),
    ("cookie_banner", CHROME, "Accept all cookies"),
    ("cookie_button", CHROME, "Cookies accepteren"),
    ("cookie_button", CHROME, "Çerezleri kabul et"),
    ("share_with_friend", SOCIAL, "Share this article with a friend."),
    ("share_with_friend", SOCIAL, "Know someone who would like this? Forward it to them."),
    ("share_with_friend", SOCIAL, "Teilen Sie diesen Artikel mit Freunden."),
    ("share_with_friend", SOCIAL, "Partagez cet article avec un ami."),
    ("share_with_friend", SOCIAL, "Comparte este artículo con un amigo."),
    ("share_with_friend", SOCIAL, "Udostępnij ten artykuł znajomym."),
    ("share_with_friend", SOCIAL, "Dela artikeln med en vän."),
    ("share_with_friend", SOCIAL, "Bu haberi bir arkadaşınla paylaş."),
    # --- donation and membership asks, follow-us lines, comment forms, more languages ---
    ("donation_ask", CTA, "Buy us a coffee"),
    ("donation_ask", CTA, "Make a monthly donation to keep our newsroom going."),
    ("donation_ask", CTA, "Join 4,000 readers who support our reporting."),
    ("eu_donation_ask", CTA, "Unterstützen Sie unabhängigen Journalismus mit einer Spende."),
    ("eu_donation_ask", CTA, "Devenez membre de Harbour Times."),
    ("eu_donation_ask", CTA, "Apoya el periodismo independiente: haz una donación."),
    ("eu_donation_ask", CTA, "Diventa socio di Gazzetta del Lago."),
    ("eu_donation_ask", CTA, "Torne-se membro do Kurier24."),
    ("eu_donation_ask", CTA, "Word lid van Nordpost."),
    ("eu_donation_ask", CTA, "Zostań patronem Nordpost."),
    ("eu_donation_ask", CTA, "Bli medlem i Nordpost."),
    ("eu_donation_ask", CTA, "Nordpost üyesi olun."),
    ("eu_social_follow", SOCIAL, "Folgen Sie uns auf Facebook und Instagram."),
    ("eu_social_follow", SOCIAL, "Suivez-nous sur Facebook et Twitter."),
    ("eu_social_follow", SOCIAL, "Síguenos en Facebook y Twitter."),
    ("eu_social_follow", SOCIAL, "Seguici su Facebook e Twitter."),
    ("eu_social_follow", SOCIAL, "Volg ons op Facebook en Twitter."),
    ("eu_social_follow", SOCIAL, "Nordpost auf Twitter folgen"),
    ("eu_social_follow", SOCIAL, "Bizi Facebook ve Twitter'da takip edin."),
    ("join_channel", SOCIAL, "Join our WhatsApp channel for the latest updates."),
    ("comment_form", COMMENTS, "Your email address will not be published. Required fields are marked *"),
    ("comment_form", COMMENTS, "Required fields are marked *"),
    ("comment_form", COMMENTS, "Ihre E-Mail-Adresse wird nicht veröffentlicht."),
    ("comment_form", COMMENTS, "Votre adresse e-mail ne sera pas publiée."),
    ("comment_form", COMMENTS, "Deja un comentario"),
    ("comment_form", COMMENTS, "Laat een reactie achter"),
    ("comment_form", COMMENTS, "Dodaj komentarz"),
    ("comment_form", COMMENTS, "Lämna en kommentar"),
    ("comment_form", COMMENTS, "Yorum yap"),
    ("eu_subscribers_only", PAYWALL, "Questo articolo è riservato agli abbonati."),
    ("eu_subscribers_only", PAYWALL, "Este conteúdo é exclusivo para assinantes."),
    ("eu_subscribers_only", PAYWALL, "Dit artikel is alleen voor abonnees."),
    ("eu_subscribers_only", PAYWALL, "Den här artikeln är endast för prenumeranter."),
    ("eu_limit", PAYWALL, "Hai raggiunto il limite di articoli gratuiti."),
    ("eu_limit", PAYWALL, "Wykorzystałeś limit darmowych artykułów w tym miesiącu."),
    ("eu_limit", PAYWALL, "Bu ayki ücretsiz makale hakkınızı doldurdunuz."),
    ("eu_read_on", PAYWALL, "Per continuare a leggere, abbonati a Gazzetta del Lago."),
    ("eu_already_subscriber", PAYWALL, "Já é assinante? Faça login."),
    ("read_the_rest", PAYWALL, "To read the rest of this story, become a member of Nordpost today."),
    ("eu_newsletter", NEWSLETTER, "Iscriviti alla nostra newsletter."),
    ("eu_newsletter", NEWSLETTER, "Schrijf je in voor onze nieuwsbrief."),
    ("eu_newsletter", NEWSLETTER, "Bültenimize abone olun."),
    ("inbox_every_day", NEWSLETTER, "Get the best of Nordpost in your inbox every morning."),
    # --- forum software's lines around posts ---
    ("mobile_app_signature", CHROME, "Sent from my Pixel 7 using Tapatalk"),
    ("mobile_app_signature", CHROME, "Sent from my iPhone"),
    ("mobile_app_signature", CHROME, "Gesendet von meinem SM-G991B mit Tapatalk"),
    ("mobile_app_signature", CHROME, "Envoyé de mon iPad en utilisant Tapatalk"),
    ("mobile_app_signature", CHROME, "Enviado desde mi Redmi Note 8 mediante Tapatalk"),
    ("mobile_app_signature", CHROME, "Inviato dal mio iPhone utilizzando Tapatalk"),
    ("mobile_app_signature", CHROME, "Verzonden vanaf mijn iPhone met Tapatalk"),
    ("poster_counters", CHROME, "Posts: 1,077"),
    ("poster_counters", CHROME, "38,391 posts"),
    ("poster_counters", CHROME, "Join Date: Aug 2008"),
    ("poster_counters", CHROME, "Reaction score: 412"),
    ("poster_counters", CHROME, "Beiträge: 2.345"),
    ("poster_counters", CHROME, "Registriert: 12.03.2011"),
    ("poster_counters", CHROME, "Messages : 87"),
    ("poster_counters", CHROME, "Mensajes: 1.204"),
    ("post_buttons", CHROME, "Reply With Quote"),
    ("post_buttons", CHROME, "Click to expand..."),
    ("post_buttons", CHROME, "Report inappropriate content"),
    ("post_buttons", CHROME, "Upvote"),
    ("post_buttons", CHROME, "Zitieren"),
    ("post_buttons", CHROME, "Citer"),
    ("post_buttons", CHROME, "Responder"),
    ("reply_login", COMMENTS, "You must log in or register to reply here."),
    ("reply_login", COMMENTS, "You must be logged in to reply to this topic."),
    ("reply_login", COMMENTS, "Log in to reply"),
    ("reply_login", COMMENTS, "Please sign in to post a reply."),
    ("reply_login", COMMENTS, "Du musst angemeldet sein, um antworten zu können."),
    ("reply_login", COMMENTS, "Vous devez être connecté pour répondre à ce sujet."),
    ("reply_login", COMMENTS, "Debes iniciar sesión para responder."),
    ("thread_navigation", CHROME, "20 replies to this topic"),
    ("thread_navigation", CHROME, "Top Posters In This Topic"),
    ("thread_navigation", CHROME, "Start a new thread"),
    ("thread_navigation", CHROME, "Board index"),
    ("thread_navigation", CHROME, "Next topic"),
    ("thread_navigation", CHROME, "Nouveau sujet"),
]

# (reason family, sentence): article prose on the family's topic that no rule may touch.
NEGATIVES: list[tuple[Reason, str]] = [
    # --- paywall ---
    (
        PAYWALL,
        "The newspaper, which has 2 million subscribers, introduced a paywall last year, its editor "
        "said in an interview.",
    ),
    (PAYWALL, "Readers who subscribe tend to continue reading for years, according to the study."),
    (PAYWALL, "Once you have reached the weight limit, the airline charges $50 for every extra kilogram."),
    (
        PAYWALL,
        "Subscribers can still read the archive, but new readers will hit a paywall after three free "
        "articles a month, the publisher said.",
    ),
    (
        PAYWALL,
        "Students had to log in through the university library to read the full text of the ruling, she said.",
    ),
    (PAYWALL, "“Are you a member?” the doorman asked, before waving the two reporters inside."),
    (PAYWALL, "Analysts expect the paywall to lift digital revenue by a fifth within two years."),
    (
        PAYWALL,
        "Die Zeitung hat inzwischen mehr als 200.000 Abonnenten und führte im vergangenen Jahr eine "
        "Bezahlschranke ein.",
    ),
    (PAYWALL, "Der Text ist für Mitglieder des Ausschusses bestimmt und wurde nicht veröffentlicht."),
    (PAYWALL, "Sie legte die Brille auf den Tisch, um weiterzulesen, als das Telefon klingelte."),
    (PAYWALL, "„Sie haben das Limit für Parteispenden überschritten“, sagte der Prüfer vor dem Ausschuss."),
    (
        PAYWALL,
        "Le quotidien compte désormais 500 000 abonnés numériques et a renforcé son offre payante, "
        "selon son directeur.",
    ),
    (PAYWALL, "La salle est réservée aux abonnés du théâtre le jeudi soir, précise la direction."),
    (PAYWALL, "Il vous reste encore deux semaines pour déposer votre dossier, rappelle la préfecture."),
    (
        PAYWALL,
        "El diario, que tiene 300.000 suscriptores, implantó un muro de pago el año pasado, según su director.",
    ),
    (PAYWALL, "Si has alcanzado el límite de datos de tu tarifa, la velocidad de conexión baja mucho."),
    # --- subscription and trial calls-to-action ---
    (
        CTA,
        "Customers who start a free trial are charged after 30 days unless they cancel, the regulator said today.",
    ),
    (CTA, "The streaming service offers a free seven-day trial, after which subscribers pay $9.99 a month."),
    (CTA, "Shoppers at the fair could try it free for ten minutes."),
    (CTA, "If you start a free trial, you will be charged as soon as it ends."),
    (CTA, "He urged veterans to join the Legion for exclusive access to the ceremony."),
    (CTA, "Researchers will gain full access to the archive next year, the ministry said."),
    (CTA, "Subscribers to the magazine received a letter from the publisher on Monday."),
    (
        CTA,
        "Foundations have stepped in to support local journalism, and readers are being asked to donate.",
    ),
    (CTA, "Support for the measure fell to 41 percent, the poll found."),
    (CTA, "Sign in, said the handwritten notice on the door."),
    (CTA, "Register of Historic Places"),
    (CTA, "Subscriptions rose by a fifth last year."),
    (CTA, "Wer will, kann die App jetzt kostenlos testen, teilte der Hersteller mit."),
    (CTA, "Pendler können das Ticket 3 Monate kostenlos nutzen, teilte das Ministerium mit."),
    (CTA, "Les abonnés du club ont profité d'une offre spéciale pour le match de samedi."),
    (CTA, "La cadena ofrece una prueba gratis de un mes a los nuevos clientes, según la compañía."),
    # --- newsletters ---
    (
        NEWSLETTER,
        "More than 40,000 readers have subscribed to our weekly newsletter since it launched in 2019, "
        "the editor said.",
    ),
    (
        NEWSLETTER,
        "Newsletters delivered straight to your inbox have become the industry's growth engine, the analyst said.",
    ),
    (NEWSLETTER, "Users can unsubscribe at any time, the company said, but few do."),
    (NEWSLETTER, "By clicking “accept”, users agree to let the app track them, regulators said."),
    (NEWSLETTER, "Enter your email and password, then tap Sign In."),
    (NEWSLETTER, "Readers who get our morning newsletter were more likely to renew, the study found."),
    (NEWSLETTER, "The newsletter, launched in March, now reaches 80,000 readers every morning."),
    (
        NEWSLETTER,
        "Wer den Newsletter abonnieren will, muss künftig eine Gebühr zahlen, teilte der Verlag mit.",
    ),
    (NEWSLETTER, "Les lecteurs inscrits à la newsletter ont reçu un questionnaire la semaine dernière."),
    (NEWSLETTER, "Cada suscriptor recibe el boletín semanal los lunes, explicó la directora."),
    (NEWSLETTER, "Why I started a newsletter"),
    (NEWSLETTER, "You have been subscribed to a mailing list you never asked for? Here is what to do."),
    (NEWSLETTER, "Thanks for subscribing, the message said, followed by a request for a credit card number."),
    (NEWSLETTER, "The newsletter that saved a small-town paper"),
    # --- social networks ---
    (SOCIAL, "Fans can watch it on YouTube, where the trailer has drawn 3 million views."),
    (SOCIAL, "Users must accept cookies to view the video, a practice the court criticised."),
    (SOCIAL, "She posted the photo on Instagram, where it was liked 40,000 times in a day."),
    (SOCIAL, "The post was shared by thousands of accounts on Twitter within an hour."),
    (SOCIAL, "In a tweet on Sunday, the senator called the ruling a disgrace."),
    (SOCIAL, "Follow the senator's account on Twitter and you will see why."),
    (SOCIAL, "Facebook"),
    (SOCIAL, "Twitter and Facebook"),
    (SOCIAL, "Share this with your friends, the pastor urged the congregation."),
    (SOCIAL, "Find him on Instagram, where he has posted a new recipe every day since 2015."),
    # --- comments ---
    (
        COMMENTS,
        "YouTube said comments have been disabled on videos featuring children after advertisers complained.",
    ),
    (COMMENTS, "Parents are invited to join the discussion on Tuesday."),
    (COMMENTS, "Read the replies from both campaigns in full below."),
    (COMMENTS, "Users had to register to post comments under the new rules, the paper reported."),
    (COMMENTS, "The minister declined to comment on the report."),
    (COMMENTS, "Comment on this story was not immediately available from the company."),
    (COMMENTS, "Comments made by the mayor last week drew sharp criticism."),
    (COMMENTS, "Recent comments by the central bank governor unsettled markets."),
    (COMMENTS, "Commenters on the forum accused the company of hiding the defect."),
    (COMMENTS, "Der Sprecher wollte sich nicht äußern, um die laufenden Ermittlungen nicht zu gefährden."),
    (COMMENTS, "Le ministre a refusé de commenter la décision du tribunal, selon son entourage."),
    (COMMENTS, "Los lectores se registraron para comentar la propuesta en el pleno del martes."),
    # --- related coverage ---
    (RELATED, "Related research has shown that sleep affects memory."),
    (RELATED, "More on that later."),
    (RELATED, "Don't miss it."),
    (RELATED, "More than 300 people attended the vigil on Friday night."),
    (RELATED, "Most popular among younger voters was the promise to cut rents."),
    (RELATED, "More in common than you think"),
    (RELATED, "More from the hearing"),
    (RELATED, "Popular with tourists"),
    (RELATED, "Trending downward"),
    (RELATED, "Most read books of the year"),
    (RELATED, "Latest news on the ceasefire talks suggests progress."),
    # --- calls-to-action on the reader's liking ---
    (CTA, "If you liked the first film, the sequel will not disappoint, critics said."),
    (CTA, "Many readers disable ad blockers on sites they trust, the survey found."),
    # --- credits and notices ---
    (CREDIT, "The court ruled that the photographer kept the copyright to the images he took in 2015."),
    (CREDIT, "Copyright law has not kept pace with streaming, the committee's report argued."),
    (CREDIT, "The photo, taken by a tourist, shows the bridge seconds before it collapsed."),
    (CREDIT, "Image quality has improved sharply on the new phones, reviewers said."),
    (CREDIT, "Photos of the flooded streets spread quickly on social media."),
    (CREDIT, "Officials wrote to the company at its headquarters in March."),
    (CREDIT, "The minister said the bill was a matter of copyright reform and nothing more."),
    # --- page chrome ---
    (CHROME, "Print journalism is not dead, the publisher insisted."),
    (CHROME, "The text size on the ballot was too small for many older voters."),
    (CHROME, "Listen to this: the band recorded the album in a single night."),
    (RELATED, "Tags on the animals showed they had travelled 3,000 kilometres."),
    (RELATED, "Topics: the council will discuss three of them on Monday, the mayor said."),
    (COMMENTS, "Tell us what you think, the pollster asked 2,000 voters in the survey."),
    # --- ads, apps, cookies, sharing, donations, comment forms: news that names them stays ---
    (ADS, "Advertising revenue fell by a fifth last year, the publisher said."),
    (ADS, "The advertisement was pulled after viewers complained to the regulator."),
    (ADS, "Die Anzeige gegen den Bürgermeister wurde am Montag eingestellt."),
    (ADS, "La publicité pour les jeux d'argent sera interdite à la télévision dès l'an prochain."),
    (ADS, "Reklama w telewizji publicznej ma zniknąć do końca roku, zapowiedział minister."),
    (PROMO, "The company said its app was downloaded a million times in the first week."),
    (PROMO, "Users can download the app from Google Play starting Monday, the bank said."),
    (PROMO, "Die App wurde nach Angaben des Herstellers bereits zwei Millionen Mal heruntergeladen."),
    (PROMO, "La aplicación, disponible desde marzo, ha recibido críticas por su consumo de batería."),
    (PROMO, "App Store rules were at the centre of the antitrust case, the judge said."),
    (CHROME, "The court ruled that websites must ask users before setting cookies, the regulator said."),
    (CHROME, "Die Datenschutzbehörde prüft, ob Cookie-Banner den Nutzern eine echte Wahl lassen."),
    (CHROME, "Cookies and the law"),
    (SOCIAL, "Partagez-vous ce constat ? demande le rapporteur aux élus de la commission."),
    (SOCIAL, "Seguidores de Instagram criticaron al ministro por la foto publicada el domingo."),
    (SOCIAL, "Volg het geld, zei de onderzoeker, en je vindt de verantwoordelijken."),
    (CTA, "The charity asked donors to give generously after the floods, the director said."),
    (CTA, "Die Stiftung will unabhängigen Journalismus in der Region mit zwei Millionen Euro fördern."),
    (CTA, "Le ministre a soutenu le projet de loi, selon son entourage."),
    (CTA, "Members of the club voted to raise the monthly fee to 12 euros."),
    (CTA, "Give indoor plants a quarter turn once a month so that every side gets light."),
    (CTA, "Donate old clothes to a shelter rather than throwing them away."),
    (RELATED, "tags = {"),
    (COMMENTS, "Comments made in the meeting were not published, the council said."),
    (COMMENTS, "Der Minister wollte den Bericht nicht kommentieren."),
    (
        PAYWALL,
        "Il giornale ha riservato agli abbonati una sezione con le inchieste più lunghe, spiega il direttore, dopo un anno di prove.",
    ),
    (
        NEWSLETTER,
        "The newsletter reaches 80,000 readers, and most of them open it before breakfast, the editor said.",
    ),
    # --- forum software's lines ---
    (CHROME, "The photos were sent from my sister's phone to the police, who confirmed they were genuine."),
    (CHROME, "Posts on the ministry's website were removed after the minister resigned."),
    (CHROME, "The forum has 38,391 posts about the bridge, most of them written in the first week."),
    (CHROME, "She joined the board in 2008 and became its chair two years later, the company said."),
    (CHROME, "Quote"),
    (CHROME, "Report"),
    (COMMENTS, "Residents must register to vote before the end of the month, the electoral office said."),
    (COMMENTS, "You must log in to the portal to file the form; the office will reply within ten days."),
    (CHROME, "Reply to the consultation by March, the council urged residents."),
]


# The concept families' examples run through the same checks.
POSITIVES += FAMILY_POSITIVES
NEGATIVES += FAMILY_NEGATIVES

# Short, stable test ids: "free_article_limit-0", "paywall-3".
POSITIVE_IDS = [f"{rule}-{i}" for i, (rule, _, _) in enumerate(POSITIVES)]
NEGATIVE_IDS = [f"{family.value}-{i}" for i, (family, _) in enumerate(NEGATIVES)]


def _block_for(document: Document, text: str) -> Block:
    matches = [block for block in document.blocks if block.text == text]
    assert len(matches) == 1, [block.text for block in document.blocks]
    return matches[0]


@pytest.mark.parametrize(("rule", "reason", "prompt"), POSITIVES, ids=POSITIVE_IDS)
def test_rule_matches_prompt(rule: str, reason: Reason, prompt: str) -> None:
    found = first_matching_rule(prompt)
    assert found is not None, f"no rule matched {prompt!r}"
    assert (found.name, found.reason) == (rule, reason)


@pytest.mark.parametrize(("rule", "reason", "prompt"), POSITIVES, ids=POSITIVE_IDS)
def test_prompt_is_removed_in_pipeline(rule: str, reason: Reason, prompt: str) -> None:
    document = clean(f"{LEAD}\n{prompt}\n{TAIL}", TEXT)
    block = _block_for(document, prompt)
    assert (block.removed, block.rule) == (reason, rule)
    assert document.text() == f"{LEAD}\n{TAIL}"


@pytest.mark.parametrize(("family", "sentence"), NEGATIVES, ids=NEGATIVE_IDS)
def test_no_rule_matches_article_sentence(family: Reason, sentence: str) -> None:
    found = first_matching_rule(sentence)
    assert found is None, f"{found.name if found else ''} fired on {family} prose"


@pytest.mark.parametrize(("family", "sentence"), NEGATIVES, ids=NEGATIVE_IDS)
def test_article_sentence_survives_pipeline(family: Reason, sentence: str) -> None:
    document = clean(f"{LEAD}\n{sentence}\n{TAIL}", TEXT)
    assert [block.rule for block in document.blocks if block.removed] == []
    assert document.text() == f"{LEAD}\n{sentence}\n{TAIL}"


def test_every_rule_has_a_positive_example() -> None:
    untested = {rule.name for rule in PHRASE_RULES} - {rule for rule, _, _ in POSITIVES}
    assert not untested, f"rules without a positive example: {sorted(untested)}"


def test_every_reason_family_has_negatives() -> None:
    families = {rule.reason for rule in PHRASE_RULES}
    assert families <= {family for family, _ in NEGATIVES}


def test_rules_are_named_once_and_explained() -> None:
    names = [rule.name for rule in PHRASE_RULES]
    assert len(names) == len(set(names))
    for rule in PHRASE_RULES:
        assert rule.why.strip() and rule.note.strip(), rule.name
        assert rule.patterns and rule.max_words > 0, rule.name


# What a rule author's note looks like, and a user's reason must not: a quoted phrase (a prompt or
# a counter-example), or a verdict on an article sentence.
DEVELOPER_NOTE = re.compile(
    r"['\u2018\u2019\"]|\b(?:stays?|is news|is prose|counter-?example|so that|only at)\b"
)


def _user_reason_problem(why: str) -> str | None:
    if len(why) > 80:
        return f"over 80 characters: {why!r}"
    found = DEVELOPER_NOTE.search(why)
    return f"reads like a rule author's note ({found.group(0)!r}): {why!r}" if found else None


def test_every_rule_gives_users_a_short_reason_and_keeps_its_note() -> None:
    problems = {rule.name: _user_reason_problem(rule.why) for rule in PHRASE_RULES}
    assert {name: problem for name, problem in problems.items() if problem} == {}
    # The notes stay in the code, counter-examples and all.
    assert sum(bool(DEVELOPER_NOTE.search(rule.note)) for rule in PHRASE_RULES) >= 20


def test_no_why_of_the_api_carries_a_developer_note() -> None:
    """Every fixture and every positive example, cleaned and explained as the API answers: each
    removed block's `why` is a short reason for users."""
    pages = [path.read_bytes() for path in sorted(FIXTURES.glob("*")) if path.suffix in {".txt", ".html"}]
    pages.append("\n".join(prompt for _, _, prompt in POSITIVES).encode())
    whys = {
        block["why"]
        for page in pages
        for block in to_result(clean(page), explain=True)["blocks"]
        if block["removed"]
    }
    assert len(whys) > 40
    assert {why: _user_reason_problem(why) for why in whys if _user_reason_problem(why)} == {}


@pytest.mark.parametrize("language_family", [PAYWALL, NEWSLETTER])
def test_each_language_has_prompts_for(language_family: Reason) -> None:
    prefixes = {rule.split("_")[0] for rule, reason, _ in POSITIVES if reason is language_family}
    assert {"de", "fr", "es"} <= prefixes


def test_word_cap_keeps_long_prose_that_quotes_a_prompt() -> None:
    sentence = (
        "When the message “You’ve reached your free article limit” began appearing after a single "
        "story, readers flooded the paper’s help desk, and the publisher admitted that a software "
        "update had reset every reader’s counter to zero overnight."
    )
    assert first_matching_rule(sentence) is None


def test_disabled_reason_leaves_its_prompts() -> None:
    prompt = "You've reached your monthly free article limit."
    options = CleanOptions(format="text", reasons=frozenset(Reason) - {Reason.PAYWALL})
    document = clean(f"{LEAD}\n{prompt}\n{TAIL}", options)
    assert prompt in document.text()


@pytest.mark.parametrize(
    ("raw", "form"),
    [
        ("GET 30 DAYS FREEAlready a member?", "GET 30 DAYS FREE Already a member?"),
        ("You’ve reached it", "You've reached it"),
        ("“Quoted”", '"Quoted"'),
        ("Sign in.Subscribe now", "Sign in. Subscribe now"),
        ("e.g. NASA and U.S. officials", "e.g. NASA and U.S. officials"),
    ],
)
def test_match_form(raw: str, form: str) -> None:
    assert match_form(raw) == form


@pytest.mark.parametrize(
    ("text", "residue"),
    [
        ("The minister spoke at the forum pic.twitter.com/Ab12Cd34Ef", "pic.twitter.com/Ab12Cd34Ef"),
        ("Watch the clip https://pic.twitter.com/abc123 ", "https://pic.twitter.com/abc123"),
        ("The account pic.twitter.com/abc was mentioned in court filings.", None),
        ("A tweet with a link https://t.co/abc", None),
    ],
)
def test_trailing_residue(text: str, residue: str | None) -> None:
    found = TRAILING_RESIDUE.search(text)
    assert (found.group().strip() if found else None) == residue


def test_residue_split_off_and_removed_in_pipeline() -> None:
    document = clean(f"{LEAD}\nThe minister spoke at the forum pic.twitter.com/Ab12Cd34Ef\n{TAIL}", TEXT)
    assert "pic.twitter.com" not in document.text()
    assert "The minister spoke at the forum" in document.text()
    assert document.removed_counts() == {"social_embed": 1}
