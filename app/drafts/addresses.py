"""Personal addresses: 002 #2 says to reach recruiters through their business accounts."""

from __future__ import annotations

# Webmail families with a domain per country (yahoo.co.uk, hotmail.fr, gmx.de …).
_FAMILIES = frozenset({"yahoo", "hotmail", "outlook", "live", "gmx", "yandex", "aol", "libero"})
_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "ymail.com",
        "rocketmail.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "proton.me",
        "pm.me",
        "protonmail.com",
        "protonmail.ch",
        "tutanota.com",
        "tuta.io",
        "fastmail.com",
        "fastmail.fm",
        "hey.com",
        "mail.com",
        "email.com",
        "web.de",
        "t-online.de",
        "freenet.de",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "sfr.fr",
        "wanadoo.fr",
        "btinternet.com",
        "sky.com",
        "virginmedia.com",
        "talktalk.net",
        "comcast.net",
        "verizon.net",
        "att.net",
        "sbcglobal.net",
        "cox.net",
        "mail.ru",
        "inbox.ru",
        "bk.ru",
        "list.ru",
        "seznam.cz",
        "wp.pl",
        "o2.pl",
        "interia.pl",
        "qq.com",
        "163.com",
        "126.com",
        "naver.com",
        "daum.net",
        "rediffmail.com",
        "zoho.com",
    }
)


def is_personal(email: str) -> bool:
    """Whether ``email`` is on a personal webmail domain rather than an employer's."""
    _, at, domain = email.strip().rpartition("@")
    if not at:
        return False
    domain = domain.lower().rstrip(".")
    if domain in _DOMAINS:
        return True
    labels = domain.split(".")
    if labels[0] not in _FAMILIES:
        return False
    # family.tld or family.co.uk: a country's own domain of a webmail family, and not a
    # company's host that happens to be called "live" or "outlook".
    if len(labels) == 2:
        return True
    return len(labels) == 3 and labels[1] in {"co", "com"} and len(labels[2]) == 2
