r"""Concepts of app, notification and follow-us promos per language."""

from __future__ import annotations

from cleaner.mark.rules.lexicon import Lexicon

# fmt: off
# An app, by its name in each language (compounds included: "Nachrichten-App").
APP: Lexicon = {
    "en": ["(?<!-)apps?(?! ?store)", "(?-i:[A-Z]\\w{0,20}-[Aa]pp)"],
    "de": ["(?-i:[A-Z]\\w{0,20}-[Aa]pp)"],
    "fr": ["applis?", "(?:l'|notre |une |cette )application", "application mobile"],
    "es": ["aplicaci[oó]n", "aplicaciones"],
    "it": ["applicazion[ei]"],
    "pt": ["aplicativo", "aplicação"],
    "nl": ["(?-i:[A-Z]\\w{0,20}-[Aa]pp)", "applicatie"],
    "pl": ["aplikacj\\w{1,2}"],
    "sv": ["appen", "appar"],
    "tr": ["uygulama\\w{0,8}", "mobil (?:uygulama\\w{0,8}|app)"],
    "cs": ["aplikac\\w{1,2}"],
    "ro": ["aplicați\\w{1,3}"],
    "id": ["aplikasi"],
}

# Getting the app: download, install, the stores.
GET_APP: Lexicon = {
    "en": ["switch to (?:the|our) (?:[\\w'&-]{1,20} ){0,3}app", "continue in (?:the )?app", "download\\w{0,3}", "install\\w{0,3}", "get (?:the|our) (?:[\\w'&-]{1,20} ){0,3}app", "(?:in|on) (?:the|our) (?:[\\w'&-]{1,20} ){0,3}app(?! ?store)", "never miss", "don't miss", "on the go", "get it on", "(?:in|on) (?:the|our) app(?! ?store)", "open in (?:the )?app"],
    "de": ["als app", "immer informiert", "immer (?:und überall|dabei)", "unterwegs", "(?:nichts|keine \\w{1,12}) (?:mehr )?verpassen", "verpassen sie nichts", "(?:in|mit) (?:der|unserer) (?:\\w{1,20}-)?app", "aufs handy", "auf (?:dem|ihrem|deinem) (?:handy|smartphone)", "herunterlad\\w{1,3}", "runterlad\\w{1,3}", "laden", "herunter", "installier\\w{1,3}", "holen sie sich", "hol dir"],
    "fr": ["où que vous soyez", "ne manquez rien", "télécharg\\w{1,6}", "installez", "disponible sur"],
    "es": ["estés donde estés", "no te pierdas", "descarg\\w{1,6}", "instal\\w{1,6}", "bájate", "disponible en"],
    "it": ["scaric\\w{1,6}", "installa\\w{0,3}", "disponibile su"],
    "pt": ["baix\\w{1,6}", "descarreg\\w{1,6}", "instal\\w{1,6}", "disponível na"],
    "nl": ["downloaden", "installeer\\w{0,2}", "beschikbaar in"],
    "pl": ["pobierz", "pobra\\w{1,4}", "ściągnij", "zainstaluj", "dostępn\\w{1,3} w"],
    "sv": ["ladda ner", "ladda hem", "hämta", "installera"],
    "tr": ["cebinizde", "cebinize", "yayında", "kaçırmayın", "indir(?:in|iniz|ebilirsiniz)?", "indirmek için", "yükle(?:yin|yiniz|yebilirsiniz)?"],
    "da": ["hent", "download"],
    "no": ["last ned"],
    "cs": ["stáhn\\w{1,6}", "stáhněte"],
    "ro": ["descarcă", "instalează"],
    "id": ["unduh", "download"],
}

# An app store, by name: an app and its store in one short line are a badge or its caption.
STORE: Lexicon = {
    "all": ["app ?store", "google play", "play store", "apple store", "app gallery"],
}

# Push notifications offered to the reader: the app's or the browser's prompt.
PUSH: Lexicon = {
    "en": ["(?:turn on|enable|allow|activate|get) (?:push |breaking news )?(?:notifications|alerts)"],
    "de": ["(?:push-)?benachrichtigungen (?:aktivieren|erhalten|einschalten|zulassen)", "push-nachrichten (?:aktivieren|erhalten)"],
    "fr": ["activez les notifications", "(?:recevoir|recevez) (?:les |nos )?(?:notifications|alertes)"],
    "es": ["activa (?:las )?notificaciones", "recibe (?:nuestras |las )?(?:notificaciones|alertas)"],
    "it": ["attiva (?:le )?notifiche", "ricevi (?:le )?notifiche"],
    "pt": ["ative as notificações", "receba (?:as )?notificações"],
    "nl": ["(?:zet )?(?:push)?meldingen (?:aan|inschakelen|ontvangen)"],
    "pl": ["włącz powiadomienia", "otrzymuj powiadomienia"],
    "sv": ["aktivera (?:push)?notiser", "slå på notiser"],
    "tr": ["bildirimleri (?:aç|açın|etkinleştirin)", "bildirim almak için"],
}

# Following the site: the verb of each network's button.
FOLLOW: Lexicon = {
    "en": ["follow", "like us", "find us", "join us", "connect with us", "stay connected"],
    "de": ["folg\\w{1,3}", "besuch\\w{1,3} sie uns", "finden sie uns", "abonnier\\w{1,3}"],
    "fr": ["suiv\\w{1,5}", "suivez-nous", "rejoignez-nous", "retrouvez-nous", "abonnez-vous"],
    "es": ["sigue\\w{0,3}", "síguenos", "seguir\\w{0,3}", "únete", "encuéntranos"],
    "it": ["segui\\w{0,3}", "seguici", "unisciti", "trovaci", "iscriviti"],
    "pt": ["sig\\w{1,3}", "siga-nos", "seguir", "acompanhe", "inscreva-se"],
    "nl": ["volg\\w{0,3}", "vind ons", "abonneer"],
    "pl": ["obserwuj\\w{0,3}", "śledź", "polub\\w{0,3}", "dołącz\\w{0,3}", "subskrybuj"],
    "sv": ["följ\\w{0,3}", "gilla oss", "hitta oss"],
    "tr": ["takip\\w{0,8}", "abone ol\\w{0,4}", "katıl\\w{0,6}"],
    "da": ["følg\\w{0,3}"],
    "no": ["følg\\w{0,3}"],
    "cs": ["sledujte"],
    "ro": ["urmărește-ne", "urmăriți-ne"],
    "id": ["ikuti"],
}

# Where to follow: a network, or social media named as such.
NETWORK: Lexicon = {
    "all": ["facebook\\w{0,3}", "instagram\\w{0,3}", "twitter\\w{0,3}", "x", "tiktok\\w{0,3}", "youtube\\w{0,3}", "linkedin\\w{0,3}", "threads", "bluesky", "mastodon", "whatsapp\\w{0,3}", "telegram\\w{0,3}", "pinterest", "snapchat", "google news"],
    "en": ["social (?:media|networks?|channels)"],
    "de": ["soziale\\w{0,2} (?:medien|netzwerke\\w{0,2}|kanäle\\w{0,2})", "social media"],
    "fr": ["réseaux sociaux"],
    "es": ["redes sociales"],
    "it": ["sui (?:nostri )?social", "social (?:network|media)", "canali social"],
    "pt": ["redes sociais"],
    "nl": ["sociale media", "social media"],
    "pl": ["media\\w{0,3} społecznościow\\w{1,3}", "social media\\w{0,3}", "sieci społecznościow\\w{1,3}"],
    "sv": ["sociala medier"],
    "tr": ["sosyal medya\\w{0,6}"],
    "da": ["sociale medier"],
    "no": ["sosiale medier"],
    "cs": ["sociální\\w{0,2} sít\\w{1,3}"],
    "ro": ["rețele\\w{0,3} sociale"],
    "id": ["media sosial"],
}
# An app offered as available: the caption of a store badge.
AVAILABLE: Lexicon = {
    "en": ["available", "now on"], "de": ["verfügbar", "erhältlich"], "fr": ["disponible"], "es": ["disponible"],
    "it": ["disponibile"], "pt": ["disponível"], "nl": ["beschikbaar"], "pl": ["dostępn\\w{1,3}"],
    "sv": ["finns"], "tr": ["mevcut", "yayında", "artık"],
}
# fmt: on
