"""Mail messages shaped like the ones real clients send, each made by a function that returns
its raw bytes: the inputs of the parser's tests and of the mailbox readers' (Maildir, mbox,
IMAP).

The employer is Acme (acme.example): Jane Doe <jane@acme.example> and Sam Lee
<sam@acme.example> are the contacts. The user is Alex Morgan <alex@morgan.example>.
``CORPUS`` names every message."""

from __future__ import annotations

import base64
import email.message
import mailbox
from collections.abc import Callable
from pathlib import Path

JANE = "Jane Doe <jane@acme.example>"
SAM = "Sam Lee <sam@acme.example>"
ALEX = "Alex Morgan <alex@morgan.example>"


def to_jordan(
    sender: str, subject: str, body: str, date: str, ident: str
) -> email.message.EmailMessage:
    """A plain message to the demo's user (Jordan Ellis), for the tests that deliver mail to
    the demo database."""
    made = email.message.EmailMessage()
    made["From"] = sender
    made["To"] = "Jordan Ellis <jordan@jordanellis.example>"
    made["Subject"] = subject
    made["Date"] = date
    made["Message-ID"] = ident
    made.set_content(body)
    return made


def _crlf(text: str) -> bytes:
    """``text`` as a message on the wire: CRLF line ends, UTF-8 where it is not ASCII."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def gmail_reply() -> bytes:
    """Jane answers from Gmail: plain text and HTML alternatives, the quoted history under a
    wrapped attribution line, a signature."""
    return _crlf(
        f"""MIME-Version: 1.0
Date: Wed, 9 Dec 2026 09:15:02 +0000
References: <CAF=alex-1@mail.gmail.com>
In-Reply-To: <CAF=alex-1@mail.gmail.com>
Message-ID: <CAJ+jane-2@mail.gmail.com>
Subject: Re: Thank you for today
From: {JANE}
To: {ALEX}
Cc: {SAM}
Content-Type: multipart/alternative; boundary="000000000000a1b2c3"

--000000000000a1b2c3
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Hi Alex,

Thanks for your note. We will get back to you by Friday with next steps.

Best,
Jane

--=20
Jane Doe | Engineering Manager | Acme
+1 555 0100

On Tue, 8 Dec 2026 at 14:03, Jane Doe <jane@acme.example>
wrote:

> Hi Jane,
>
> Thank you for taking the time to meet with me today.
>
> Alex

--000000000000a1b2c3
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr"><div>Hi Alex,</div><div><br></div><div>Thanks for your note. W=
e will get back to you by Friday with next steps.</div><div><br></div><div>Bes=
t,</div><div>Jane</div></div><br><div class=3D"gmail_quote"><div dir=3D"ltr" =
class=3D"gmail_attr">On Tue, 8 Dec 2026 at 14:03, Jane Doe &lt;<a href=3D"mail=
to:jane@acme.example">jane@acme.example</a>&gt; wrote:<br></div><blockquote cl=
ass=3D"gmail_quote">Hi Jane,<br>Thank you for taking the time to meet with me =
today.<br>Alex</blockquote></div>

--000000000000a1b2c3--
"""
    )


def outlook_reply() -> bytes:
    """Sam answers from Outlook: HTML alone, with a style block and Outlook's "From: … Sent:
    …" header block above the history."""
    return _crlf(
        f"""From: {SAM}
To: {ALEX}
Subject: RE: Thank you for today
Thread-Topic: Thank you for today
Thread-Index: AQHZx1a2b3c4d5e6f7g8h9i0
Date: Thu, 10 Dec 2026 16:42:11 +0000
Message-ID: <DM6PR11MB4000ABCD@DM6PR11MB4000.namprd11.prod.outlook.com>
Accept-Language: en-US
Content-Language: en-US
X-MS-Has-Attach:
Content-Type: text/html; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0

<html xmlns:o=3D"urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Dus-ascii">
<style><!--
p.MsoNormal {{margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}}
--></style>
<script>var tracking =3D "never shown";</script>
</head>
<body lang=3D"EN-US">
<div class=3D"WordSection1">
<p class=3D"MsoNormal">Hi Alex,<o:p></o:p></p>
<p class=3D"MsoNormal"><o:p>&nbsp;</o:p></p>
<p class=3D"MsoNormal">Great to meet you. Could you do a second round next we=
ek?<o:p></o:p></p>
<p class=3D"MsoNormal">Regards,<br>Sam<o:p></o:p></p>
<div style=3D"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0c=
m 0cm">
<p class=3D"MsoNormal"><b>From:</b> Alex Morgan &lt;alex@morgan.example&gt; <b=
r>
<b>Sent:</b> Tuesday, December 8, 2026 2:10 PM<br>
<b>To:</b> Sam Lee &lt;sam@acme.example&gt;<br>
<b>Subject:</b> Thank you for today<o:p></o:p></p>
</div>
<p class=3D"MsoNormal">Hi Sam, thank you for the conversation.<o:p></o:p></p>
</div>
</body>
</html>
"""
    )


_OUTLOOK_ICS = """BEGIN:VCALENDAR
METHOD:REQUEST
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
ORGANIZER;CN=Jane Doe:mailto:Jane@acme.example
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Alex Morgan:ma
 ilto:alex@morgan.example
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Sam Lee:mailt
 o:sam@acme.example
DESCRIPTION;LANGUAGE=en-US:Second round with the team.\\n
UID:040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5DB01000000000000000010
 00000012345678
SUMMARY;LANGUAGE=en-US:Acme - second round
DTSTART;TZID=W. Europe Standard Time:20261215T140000
DTEND;TZID=W. Europe Standard Time:20261215T150000
CLASS:PUBLIC
PRIORITY:5
DTSTAMP:20261210T170000Z
TRANSP:OPAQUE
STATUS:CONFIRMED
SEQUENCE:0
LOCATION;LANGUAGE=en-US:Microsoft Teams Meeting
X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE
X-MICROSOFT-CDO-IMPORTANCE:1
X-MICROSOFT-CDO-INSTTYPE:0
X-MICROSOFT-DONOTFORWARDMEETING:FALSE
X-MICROSOFT-DISALLOW-COUNTER:FALSE
BEGIN:VALARM
DESCRIPTION:REMINDER
TRIGGER;RELATED=START:-PT15M
ACTION:DISPLAY
END:VALARM
END:VEVENT
END:VCALENDAR
"""


def outlook_invitation() -> bytes:
    """Jane invites from Outlook: a calendar part in a Windows zone named by its VTIMEZONE,
    14:00 to 15:00 in Central Europe (13:00 UTC in December)."""
    calendar = base64.encodebytes(_OUTLOOK_ICS.replace("\n", "\r\n").encode()).decode()
    return _crlf(
        f"""From: {JANE}
To: {ALEX}
CC: {SAM}
Subject: Acme - second round
Thread-Topic: Acme - second round
Date: Thu, 10 Dec 2026 17:00:41 +0000
Message-ID: <AM0PR07MB6100EFAB@AM0PR07MB6100.eurprd07.prod.outlook.com>
Content-Language: en-US
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
Content-Type: multipart/alternative;
\tboundary="_000_AM0PR07MB6100EFABAM0PR07MB6100eurp_"
MIME-Version: 1.0

--_000_AM0PR07MB6100EFABAM0PR07MB6100eurp_
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

Second round with the team.

--_000_AM0PR07MB6100EFABAM0PR07MB6100eurp_
Content-Type: text/html; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

<html><body><p>Second round with the team.</p></body></html>

--_000_AM0PR07MB6100EFABAM0PR07MB6100eurp_
Content-Type: text/calendar; charset="utf-8"; method=REQUEST
Content-Transfer-Encoding: base64

{calendar}
--_000_AM0PR07MB6100EFABAM0PR07MB6100eurp_--
"""
    )


_GOOGLE_UID = "7kukuqrfedlm2f9t8vimdjgnpk@google.com"


def _google_ics(method: str, sequence: int, starts: str, ends: str, status: str) -> str:
    return f"""BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:{method}
BEGIN:VEVENT
DTSTART:{starts}
DTEND:{ends}
DTSTAMP:20261211T090000Z
ORGANIZER;CN=Sam Lee:mailto:sam@acme.example
UID:{_GOOGLE_UID}
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Sam Lee;
 X-NUM-GUESTS=0:mailto:sam@acme.example
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=
 TRUE;CN=alex@morgan.example;X-NUM-GUESTS=0:mailto:alex@morgan.example
X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij
CREATED:20261211T085900Z
DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij
LAST-MODIFIED:20261211T090000Z
LOCATION:
SEQUENCE:{sequence}
STATUS:{status}
SUMMARY:Technical interview with Acme
TRANSP:OPAQUE
END:VEVENT
END:VCALENDAR
"""


def _google_message(subject: str, ics: str, method: str, message_id: str) -> bytes:
    """Google Calendar's shape: a mixed message with the alternatives (text, HTML, the
    calendar) and the same calendar again as an ``invite.ics`` attachment."""
    calendar = base64.encodebytes(ics.replace("\n", "\r\n").encode()).decode()
    text = base64.encodebytes(f"{subject}\nJoin with Google Meet\n".encode()).decode()
    return _crlf(
        f"""MIME-Version: 1.0
Reply-To: {SAM}
Sender: Google Calendar <calendar-notification@google.com>
Message-ID: <{message_id}@google.com>
Date: Fri, 11 Dec 2026 09:00:00 +0000
Subject: {subject}
From: {SAM}
To: alex@morgan.example
Content-Type: multipart/mixed; boundary="000000000000c0ffee"

--000000000000c0ffee
Content-Type: multipart/alternative; boundary="000000000000beef"

--000000000000beef
Content-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes
Content-Transfer-Encoding: base64

{text}
--000000000000beef
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<span>{subject}</span>

--000000000000beef
Content-Type: text/calendar; charset="UTF-8"; method={method}
Content-Transfer-Encoding: base64

{calendar}
--000000000000beef--

--000000000000c0ffee
Content-Type: application/ics; name="invite.ics"
Content-Disposition: attachment; filename="invite.ics"
Content-Transfer-Encoding: base64

{calendar}
--000000000000c0ffee--
"""
    )


def google_invitation() -> bytes:
    """Sam invites from Google Calendar: 16:00 to 16:45 UTC on 16 December."""
    ics = _google_ics("REQUEST", 0, "20261216T160000Z", "20261216T164500Z", "CONFIRMED")
    subject = "Invitation: Technical interview with Acme @ Wed Dec 16, 2026 4pm - 4:45pm (GMT)"
    return _google_message(subject, ics, "REQUEST", "0000000000001111")


def updated_invitation() -> bytes:
    """The same meeting (same UID) moved to 10:00 to 11:00 UTC on 17 December: SEQUENCE 1."""
    ics = _google_ics("REQUEST", 1, "20261217T100000Z", "20261217T110000Z", "CONFIRMED")
    subject = (
        "Updated invitation: Technical interview with Acme @ Thu Dec 17, 2026 10am - 11am (GMT)"
    )
    return _google_message(subject, ics, "REQUEST", "0000000000002222")


def cancelled_invitation() -> bytes:
    """The same meeting cancelled: METHOD:CANCEL, SEQUENCE 2."""
    ics = _google_ics("CANCEL", 2, "20261217T100000Z", "20261217T110000Z", "CANCELLED")
    subject = "Canceled event: Technical interview with Acme @ Thu Dec 17, 2026 10am - 11am (GMT)"
    return _google_message(subject, ics, "CANCEL", "0000000000003333")


def out_of_office() -> bytes:
    """Exchange's automatic reply while Jane is away."""
    return _crlf(
        f"""From: {JANE}
To: {ALEX}
Subject: Automatic reply: Thank you for today
Thread-Topic: Thank you for today
Date: Tue, 8 Dec 2026 14:10:12 +0000
Message-ID: <0b1c2d3e4f@AM0PR07MB6100.eurprd07.prod.outlook.com>
Auto-Submitted: auto-replied
X-MS-Exchange-Inbox-Rules-Loop: jane@acme.example
X-Auto-Response-Suppress: All
Content-Type: text/plain; charset="us-ascii"
MIME-Version: 1.0

I am out of the office until 14 December with limited access to email.
"""
    )


def bounce() -> bytes:
    """A delivery failure from the user's own mail server, with the returned headers."""
    return _crlf(
        """Return-Path: <>
Date: Tue, 8 Dec 2026 14:05:00 +0000 (UTC)
From: MAILER-DAEMON@mail.morgan.example (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: alex@morgan.example
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="4F1C2A0B9.1765202700/mail.morgan.example"
Message-Id: <20261208140500.4F1C2A0B9@mail.morgan.example>

This is a MIME-encapsulated message.

--4F1C2A0B9.1765202700/mail.morgan.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.morgan.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<jnae@acme.example>: host mx.acme.example said: 550 5.1.1 User unknown

--4F1C2A0B9.1765202700/mail.morgan.example
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.morgan.example
Final-Recipient: rfc822; jnae@acme.example
Action: failed
Status: 5.1.1

--4F1C2A0B9.1765202700/mail.morgan.example
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Alex Morgan <alex@morgan.example>
To: jnae@acme.example
Subject: Thank you for today

--4F1C2A0B9.1765202700/mail.morgan.example--
"""
    )


def newsletter() -> bytes:
    """Acme's monthly newsletter, from the company's own domain, as a mailing service sends
    it."""
    return _crlf(
        """From: Acme News <news@acme.example>
To: alex@morgan.example
Subject: Acme this month: our new office
Date: Mon, 14 Dec 2026 08:00:00 +0000
Message-ID: <newsletter-2026-12.abc123@mail.acme.example>
List-Unsubscribe: <https://acme.example/unsubscribe?u=abc123>, <mailto:unsub@acme.example>
List-Unsubscribe-Post: List-Unsubscribe=One-Click
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><body><h1>Our new office</h1><p>We moved.</p></body></html>
"""
    )


HUGE_ATTACHMENT_BYTES = 20_000_000


def huge_attachment() -> bytes:
    """Jane sends a 20 MB PDF with two lines of text."""
    pdf = base64.encodebytes(b"%PDF-1.7\n" + b"\x00" * HUGE_ATTACHMENT_BYTES).decode()
    return _crlf(
        f"""From: {JANE}
To: {ALEX}
Subject: The case study
Date: Fri, 11 Dec 2026 11:00:00 +0000
Message-ID: <big-1@acme.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="frontier"

--frontier
Content-Type: text/plain; charset=utf-8

Hi Alex,
here is the case study for Tuesday.

--frontier
Content-Type: application/pdf; name="case-study.pdf"
Content-Disposition: attachment; filename="case-study.pdf"
Content-Transfer-Encoding: base64

{pdf}
--frontier--
"""
    )


def missing_boundary() -> bytes:
    """A multipart message whose Content-Type names no boundary: what it holds can only be
    read as one body."""
    return _crlf(
        f"""From: {SAM}
To: {ALEX}
Subject: Schedule
Date: Fri, 11 Dec 2026 12:00:00 +0000
Message-ID: <broken-1@acme.example>
MIME-Version: 1.0
Content-Type: multipart/mixed

--lost
Content-Type: text/plain

Can you do Monday at 10?
--lost--
"""
    )


def bad_base64() -> bytes:
    """A text part whose base64 is broken in the middle and cut short at the end."""
    good = base64.b64encode(b"Can you do Monday at 10?\n").decode()
    return _crlf(
        f"""From: {SAM}
To: {ALEX}
Subject: Schedule, again
Date: Fri, 11 Dec 2026 12:05:00 +0000
Message-ID: <broken-2@acme.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

{good}
!!!*** not base64 ***!!!
SGVsbG8gd29y
"""
    )


def latin1() -> bytes:
    """ISO-8859-1 in quoted-printable, as older European clients send it."""
    return _crlf(
        f"""From: =?iso-8859-1?q?Ren=E9e_Dupr=E9?= <renee@acme.example>
To: {ALEX}
Subject: =?iso-8859-1?q?Caf=E9_apr=E8s_l'entretien?=
Date: Fri, 11 Dec 2026 13:00:00 +0100
Message-ID: <latin1-1@acme.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Bonjour Alex, un caf=E9 apr=E8s l'entretien ?
"""
    )


def windows_1252() -> bytes:
    """Windows-1252 in 8 bits, curly quotes and a euro sign that Latin-1 does not have."""
    head = _crlf(
        f"""From: {JANE}
To: {ALEX}
Subject: The offer
Date: Fri, 11 Dec 2026 14:00:00 +0000
Message-ID: <cp1252-1@acme.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=windows-1252
Content-Transfer-Encoding: 8bit

"""
    )
    return head + "We’re happy to offer €90,000 – “subject to references”.\r\n".encode("cp1252")


def shift_jis() -> bytes:
    """Japanese in Shift_JIS, subject and name encoded words, body in base64."""
    body = base64.encodebytes("面接のお礼を申し上げます。\n".encode("shift_jis")).decode()
    name = base64.b64encode("田中".encode("shift_jis")).decode()
    subject = base64.b64encode("面接について".encode("shift_jis")).decode()
    return _crlf(
        f"""From: =?shift_jis?b?{name}?= <tanaka@acme.example>
To: {ALEX}
Subject: =?shift_jis?b?{subject}?=
Date: Fri, 11 Dec 2026 15:00:00 +0900
Message-ID: <sjis-1@acme.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=shift_jis
Content-Transfer-Encoding: base64

{body}"""
    )


def unknown_charset() -> bytes:
    """A charset no codec knows, in the body and in an encoded word of the subject."""
    return _crlf(
        f"""From: {SAM}
To: {ALEX}
Subject: =?x-made-up?q?Next_steps?=
Date: Fri, 11 Dec 2026 16:00:00 +0000
Message-ID: <unknown-charset-1@acme.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=x-made-up
Content-Transfer-Encoding: 8bit

Next steps: a call on Monday. Café?
"""
    )


def encoded_name() -> bytes:
    """A name and a subject in RFC 2047 encoded words, and no Message-ID."""
    return _crlf(
        f"""From: =?utf-8?q?In=C3=AAs_Carvalho?= <Ines.Carvalho@ACME.example>
To: {ALEX}
Subject: =?utf-8?b?UmU6IEVudHJldmlzdGEg4oCUIHByw7N4aW1vcyBwYXNzb3M=?=
Date: Fri, 11 Dec 2026 17:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Olá Alex, falamos amanhã.
"""
    )


def control_characters() -> bytes:
    """A subject, a name and a text with terminal escapes in them (a window title, a
    clipboard write through OSC 52, a bell), raw and in encoded words."""
    return (
        b"From: =?utf-8?q?Eve_=1B]0;pwned=07?= <eve@acme.example>\r\n"
        b"To: alex@morgan.example\r\n"
        b"Subject: Hello \x1b[2J\x1b]52;c;ZWNobyBoaQ==\x07 there\r\n"
        b"Date: Fri, 11 Dec 2026 18:00:00 +0000\r\n"
        b"Message-ID: <ctl-1@acme.example>\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"\r\n"
        # U+009B, the C1 control sequence introducer, in UTF-8.
        b"Look \x1b[31mred\x1b[0m and \xc2\x9b1m C1 too\r\n"
    )


def no_sender() -> bytes:
    """Headers with no From and no Sender: nothing to match, so not a message followup
    reads."""
    return _crlf(
        """To: alex@morgan.example
Subject: Who sent this?
Date: Fri, 11 Dec 2026 19:00:00 +0000
Message-ID: <nobody-1@acme.example>

Nobody.
"""
    )


def sent_follow_up() -> bytes:
    """The user's own thank-you note to Jane, as found in the Sent folder."""
    return _crlf(
        f"""From: {ALEX}
To: {JANE}
Subject: Thank you for today
Date: Tue, 8 Dec 2026 14:03:00 +0000
Message-ID: <CAF=alex-1@mail.gmail.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Jane,

Thank you for taking the time to meet with me today.

Alex
"""
    )


CORPUS: dict[str, Callable[[], bytes]] = {
    "gmail_reply": gmail_reply,
    "outlook_reply": outlook_reply,
    "outlook_invitation": outlook_invitation,
    "google_invitation": google_invitation,
    "updated_invitation": updated_invitation,
    "cancelled_invitation": cancelled_invitation,
    "out_of_office": out_of_office,
    "bounce": bounce,
    "newsletter": newsletter,
    "huge_attachment": huge_attachment,
    "missing_boundary": missing_boundary,
    "bad_base64": bad_base64,
    "latin1": latin1,
    "windows_1252": windows_1252,
    "shift_jis": shift_jis,
    "unknown_charset": unknown_charset,
    "encoded_name": encoded_name,
    "control_characters": control_characters,
    "no_sender": no_sender,
    "sent_follow_up": sent_follow_up,
}
"""Every message above by its name, for the tests that run through them all."""


def new_person_writes_twice(folder: Path, day: str) -> Path:
    """A Maildir at ``folder`` with two notes from Kim, someone new at Harbor Lane, on ``day``
    ("Thu, 03 Dec 2026"): each proposes her as a contact."""
    box = mailbox.Maildir(folder, create=True)
    for n in (1, 2):
        kim = "Kim New <kim@harborlane.example>"
        sent = f"{day} 1{n}:00:00 +0000"
        box.add(to_jordan(kim, f"Note {n}", "Hi Jordan.\n", sent, f"<kim-{n}@harborlane.example>"))
    box.close()
    return folder
