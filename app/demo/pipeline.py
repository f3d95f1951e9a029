"""Sample interviews for a first look at followup, dated relative to "now".

Every date is placed so that, whatever the day of the week, the pipeline has work in it: a panel
that ended two hours ago (thank-yous due), a promise that slipped (overdue), an employer past its
own decision date (a check-in due), a recruiter late with the times she said she would send (a
check-in due from her promise), a keep-warm contact a month on (nurture), an offer with a
deadline next week (tell the others), a sequence with two unanswered follow-ups (move on), and
an onsite tomorrow (prepare). Past meetings fall on business days, as real ones do.

Addresses use the reserved ``.example`` domain so that a draft copied from the demo can never
reach a real inbox.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from app.domain.interchange import Pipeline
from app.domain.interchange import zone as tz_of
from app.domain.records import (
    ActionKind,
    Channel,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    Notes,
    OpenQuestion,
    Outcome,
    Preferences,
    Profile,
    Promise,
    PromiseBy,
    Round,
    Stage,
)

DEMO_IDS = (
    "brightwater-pm",
    "harbor-analytics",
    "tidewell-data",
    "cobalt-security",
    "marlow-ops",
    "oakline-patient",
    "fernhill-insights",
    "quillstone-reader",
    "kestrel-tpm",
    "silverline-gpm",
    "pinecrest-payments",
)
ELSEWHERE = "America/Toronto"


def demo_pipeline(now: datetime, zone: str) -> Pipeline:
    """The demo database as of ``now``, for a job seeker living in ``zone``."""
    when = _When.of(now, zone)
    interviews = (
        _brightwater(when),
        _harbor(when),
        _tidewell(when),
        _cobalt(when),
        _marlow(when),
        _oakline(when),
        _fernhill(when),
        _quillstone(when),
        _kestrel(when.elsewhere(ELSEWHERE)),
        _silverline(when),
        _pinecrest(when),
    )
    assert tuple(i.id for i in interviews) == DEMO_IDS
    profile = Profile(
        name="Jordan Ellis",
        email="jordan@jordanellis.example",
        phone="+44 7700 900461",
        timezone=zone,
        signature="Jordan Ellis\nProduct Manager · data products\n+44 7700 900461",
    )
    return Pipeline(profile=profile, policy_overrides={}, interviews=interviews)


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class _When:
    now: datetime
    tz: tzinfo
    zone: str

    @classmethod
    def of(cls, now: datetime, zone: str) -> _When:
        tz = tz_of(zone)
        if now.tzinfo is None:
            now = now.replace(tzinfo=tz)
        # A standard datetime: pendulum's arithmetic with a timedelta can drop a ZoneInfo zone.
        local = datetime.fromtimestamp(now.timestamp(), tz)
        return cls(local, tz, zone)

    def elsewhere(self, zone: str) -> _When:
        return _When.of(self.now, zone)

    @property
    def today(self) -> date:
        return self.now.date()

    def back(self, n: int) -> date:
        """The ``n``-th business day before today."""
        day = self.today
        for _ in range(n):
            day -= timedelta(days=1)
            while day.weekday() >= 5:
                day -= timedelta(days=1)
        return day

    def ahead(self, n: int) -> date:
        """The ``n``-th business day after today."""
        day = self.today
        for _ in range(n):
            day += timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
        return day

    def days(self, n: int) -> date:
        return self.today + timedelta(days=n)

    def weekday_on_or_before(self, day: date) -> date:
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        return day

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=self.tz)

    def recent_meeting_end(self) -> datetime:
        """When a meeting held at a plausible hour most recently ended: two hours ago in the
        afternoon, else at 16:00 on the last business day (no panel ends at dawn)."""
        if self.now.weekday() < 5 and self.now.hour >= 12:
            return self.ago(hours=2)
        return self.at(self.back(1), 16)

    def ago(self, *, hours: int) -> datetime:
        """``hours`` before now, on a five-minute mark, as a calendar would show a meeting."""
        moment = self.now - timedelta(hours=hours)
        return moment.replace(minute=moment.minute - moment.minute % 5, second=0, microsecond=0)


def _weekday(day: date) -> str:
    return day.strftime("%A")


# --------------------------------------------------------------------------- builders


# What I talked about with each person, as a thank-you to them says it ("I especially enjoyed
# talking with you about …").
_TALKED_ABOUT: dict[str, tuple[str, ...]] = {
    "priya": ("the team's plans for self-serve analytics this year",),
    "marcus": (
        "how the self-serve analytics roadmap is sequenced",
        "moving product planning from quarterly to continuous",
    ),
    "hana": (
        "how your team and product share metric definitions",
        "your plan to retire the legacy event pipeline",
    ),
    "tom": (
        "how discovery is split between product and design",
        "your research-operations backlog",
    ),
    "daniel": ("the capacity dashboards your planners rely on",),
    "ines": ("moving the freight data to streaming",),
    "lena": ("how the data product team is growing",),
    "arjun": ("forecasting grid load from metering data",),
    "claire": ("your plan to open the API to installers",),
    "owen": ("alert fatigue in security operations",),
    "mei": ("how your team decides which detection rules to ship",),
    "victor": ("the peak-season fulfilment plan",),
    "amira": ("the pick-and-pack pilot in the Leeds warehouse",),
    "grace": ("what the first ninety days in the role would look like",),
    "samuel": ("the patient-app roadmap for next year",),
    "julia": ("how your team ships to both app stores every week",),
    "lucy": ("how the insights team reports store-level experiments",),
    "noah": ("where digital products fit in the wider strategy",),
    "ethan": ("getting enterprise customers live in weeks rather than months",),
    "kofi": ("the platform pricing change",),
}


def _person(
    cid: str, name: str, title: str, domain: str, role: ContactRole, *, phone: str = ""
) -> Contact:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = plain.split()
    # A fixed suffix, as LinkedIn gives people who share a name, derived from the name.
    suffix = sum(map(ord, name)) * 7919 % 900_000 + 100_000
    return Contact(
        id=cid,
        name=name,
        title=title,
        email=f"{'.'.join(words)}@{domain}",
        phone=phone,
        linkedin=f"https://www.linkedin.com/in/{'-'.join(words)}-{suffix:x}",
        role=role,
        notes=_TALKED_ABOUT.get(cid, ()),
    )


def _sent(
    at: datetime,
    action: ActionKind,
    contact: str | None,
    text: str = "",
    *,
    round: str | None = None,
    channel: Channel = Channel.EMAIL,
) -> Event:
    return Event(
        at=at,
        kind=EventKind.SENT,
        action=action,
        contact=contact,
        round=round,
        channel=channel,
        text=text,
    )


def _thanks(at: datetime, round: str, contact: str, text: str) -> Event:
    return _sent(at, ActionKind.THANK_YOU, contact, text, round=round)


def _reply(at: datetime, contact: str, summary: str) -> Event:
    return Event(at=at, kind=EventKind.REPLY, contact=contact, summary=summary)


def _stage(at: datetime, before: Stage, after: Stage) -> Event:
    return Event(at=at, kind=EventKind.STAGE, from_stage=before, to_stage=after)


# --------------------------------------------------------------------------- the interviews


def _brightwater(w: _When) -> Interview:
    """A panel that ended a few hours ago: three thank-yous are due, and a promise tomorrow."""
    domain = "brightwater.example"
    panel_ends = w.recent_meeting_end()
    screen = w.at(w.back(8), 10)
    return Interview(
        id="brightwater-pm",
        company="Brightwater Analytics",
        role="Senior Product Manager",
        timezone=w.zone,
        stage=Stage.INTERVIEWED,
        rounds=(
            Round("r1", screen, 30, "phone screen", ("priya",)),
            Round("r2", panel_ends - timedelta(minutes=75), 75, "panel", ("marcus", "hana", "tom")),
        ),
        contacts=(
            _person(
                "priya",
                "Priya Nair",
                "Senior Talent Partner",
                domain,
                ContactRole.RECRUITER,
                phone="+44 7700 900118",
            ),
            _person("marcus", "Marcus Feld", "VP Product", domain, ContactRole.INTERVIEWER),
            _person(
                "hana",
                "Hana Okafor",
                "Engineering Manager, Data Platform",
                domain,
                ContactRole.INTERVIEWER,
            ),
            _person("tom", "Tom Brennan", "Lead Product Designer", domain, ContactRole.INTERVIEWER),
        ),
        preferences=Preferences(channels=(Channel.EMAIL, Channel.LINKEDIN)),
        decision_by=w.ahead(7),
        notes=Notes(
            discussed="The roadmap for self-serve analytics; how discovery is split between "
            "product and design; moving from quarterly to continuous planning.",
            recap=(
                "Led the pricing-page redesign that lifted trial-to-paid conversion by 18%",
                "Set up a weekly discovery cadence with design and engineering in my last "
                "two teams",
                "Comfortable owning metric definitions together with the data team",
            ),
            challenges=(
                "Churn in the first 30 days: I would start with cohort interviews and an "
                "onboarding-checklist experiment",
                "Engineering split across two platforms: I would propose one shared roadmap "
                "review every two weeks",
            ),
            open_questions=(
                OpenQuestion(
                    "How I would price a usage-based tier: my answer was vague",
                    answer="on pricing by use, I would anchor the price on the three heaviest "
                    "customer segments and test it with a pilot group before a wider launch",
                    asked_by="marcus",
                ),
            ),
            company_news="Brightwater closed its Series C last month and is opening a "
            "Lisbon office.",
            impressions="Good energy with Hana; Marcus was hard to read but leaned in on pricing. "
            "Tom cares a lot about research operations.",
        ),
        promises=(
            Promise(
                "p1",
                "Send Marcus the onboarding teardown deck I mentioned",
                due=w.at(w.days(1), 10),
                to="marcus",
                created=panel_ends,
            ),
        ),
        events=(
            _stage(screen + timedelta(minutes=45), Stage.SCHEDULED, Stage.INTERVIEWED),
            _thanks(
                screen + timedelta(hours=2),
                "r1",
                "priya",
                "Thanks for walking me through the role and the team's plans for this year.",
            ),
            _reply(
                w.at(w.back(6), 14, 20),
                "priya",
                "Invited me to a panel with Marcus, Hana and Tom; decision expected the "
                "week after.",
            ),
            _stage(w.at(w.back(6), 14, 30), Stage.INTERVIEWED, Stage.NEXT_ROUND),
            _stage(panel_ends + timedelta(minutes=10), Stage.NEXT_ROUND, Stage.INTERVIEWED),
        ),
    )


def _harbor(w: _When) -> Interview:
    """They said they would decide three business days ago and went quiet: check in."""
    domain = "harborlane.example"
    decision = w.back(3)
    first, onsite = w.at(w.back(14), 11), w.at(w.back(9), 13, 30)
    onsite_ends = onsite + timedelta(minutes=120)
    return Interview(
        id="harbor-analytics",
        company="Harbor Lane Logistics",
        role="Product Analytics Lead",
        timezone=w.zone,
        stage=Stage.WAITING,
        rounds=(
            Round("r1", first, 45, "video", ("daniel",)),
            Round("r2", onsite, 120, "onsite", ("daniel", "ines")),
        ),
        contacts=(
            _person(
                "sofia",
                "Sofia Marsh",
                "HR Business Partner",
                domain,
                ContactRole.HR,
                phone="+44 7700 900342",
            ),
            _person("daniel", "Daniel Osei", "Head of Analytics", domain, ContactRole.INTERVIEWER),
            _person(
                "ines", "Inês Carvalho", "Senior Data Engineer", domain, ContactRole.INTERVIEWER
            ),
        ),
        preferences=Preferences(channels=(Channel.EMAIL,)),
        decision_by=decision,
        notes=Notes(
            discussed="Rebuilding the delivery-delay dashboard; who owns the metrics layer; "
            f"Sofia said they would decide by {_weekday(decision)}.",
            recap=(
                "Cut the weekly reporting run from six hours to twenty minutes at my last job",
                "Ran the analytics guild: eight teams, one shared metric glossary",
            ),
            challenges=(
                "Warehouse data that arrives a day late: I would make the two dashboards "
                "drivers actually use near-real-time first",
            ),
            open_questions=(
                OpenQuestion(
                    "How I would measure the value of a dashboard nobody complains about",
                    answer="to show a quiet dashboard's worth, I would track the decisions it "
                    "feeds: how often it is opened before the weekly capacity call, and what "
                    "changes after",
                    asked_by="daniel",
                ),
            ),
            company_news="Harbor Lane won the regional rail-freight contract in the spring.",
            impressions="Daniel and Inês clearly work well together; the onsite felt like a "
            "working session rather than an exam.",
        ),
        promises=(
            Promise(
                "p1",
                "Share the SQL sample on shipment delays",
                due=w.at(w.back(8), 17),
                to="daniel",
                created=onsite_ends,
                done_at=w.at(w.back(8), 11, 40),
            ),
        ),
        events=(
            _stage(first + timedelta(hours=1), Stage.SCHEDULED, Stage.INTERVIEWED),
            _thanks(
                first + timedelta(hours=4),
                "r1",
                "daniel",
                "Thank you for the conversation about the delivery-delay work.",
            ),
            _reply(
                w.at(w.back(12), 9, 50), "sofia", "Invited me to an onsite with Daniel and Inês."
            ),
            _stage(w.at(w.back(12), 10), Stage.INTERVIEWED, Stage.NEXT_ROUND),
            _thanks(
                onsite_ends + timedelta(hours=3),
                "r2",
                "daniel",
                "Thank you for the onsite; the whiteboard session on the metrics layer was great.",
            ),
            _thanks(
                onsite_ends + timedelta(hours=3, minutes=10),
                "r2",
                "ines",
                "Thanks for showing me the pipeline; I enjoyed the late-data discussion.",
            ),
            _stage(onsite_ends + timedelta(hours=4), Stage.NEXT_ROUND, Stage.WAITING),
        ),
    )


def _tidewell(w: _When) -> Interview:
    """A final round is coming but not booked: the times Lena said she would send are late, so
    the check-in is due, and the references I promised are overdue."""
    domain = "tidewell.example"
    screen, technical = w.at(w.back(15), 9, 30), w.at(w.back(7), 14)
    technical_ends = technical + timedelta(minutes=90)
    replied = w.at(w.back(4), 16, 5)
    times_by = w.at(w.back(2), 17)
    return Interview(
        id="tidewell-data",
        company="Tidewell Energy",
        role="Data Product Manager",
        timezone=w.zone,
        stage=Stage.NEXT_ROUND,
        rounds=(
            Round("r1", screen, 30, "phone screen", ("lena",)),
            Round("r2", technical, 90, "video", ("arjun", "claire")),
        ),
        contacts=(
            _person(
                "lena",
                "Lena Vogt",
                "Technical Recruiter",
                domain,
                ContactRole.RECRUITER,
                phone="+44 7700 900587",
            ),
            _person(
                "arjun", "Arjun Mehta", "Staff Engineer, Grid Data", domain, ContactRole.INTERVIEWER
            ),
            _person(
                "claire", "Claire Dubois", "Director of Product", domain, ContactRole.INTERVIEWER
            ),
        ),
        preferences=Preferences(channels=(Channel.EMAIL,), no_calls=True),
        notes=Notes(
            discussed="Forecasting demand for home batteries; the data contracts between the "
            "grid team and product. Lena asked to keep everything to email: no calls.",
            recap=(
                "Shipped a forecasting feature used by 40,000 households",
                "Wrote the data-contract template two teams still use",
            ),
            challenges=(
                "Forecasts that drift in winter: I would add a weekly review of error by region "
                "before touching the model",
            ),
            open_questions=(
                OpenQuestion(
                    "Which storage vendors I have worked with",
                    answer="I have not worked with a battery supplier directly, but I have "
                    "integrated two metering APIs, and the second took a third of the time the "
                    "first did",
                ),
            ),
            company_news="Tidewell passed 100,000 battery installs this quarter.",
            impressions="Arjun was tough but fair; Claire talked about the role as a "
            "long-term hire.",
        ),
        promises=(
            Promise(
                "p1",
                "Send Lena the contact details of two references",
                due=w.at(w.back(1), 17),
                to="lena",
                created=replied,
            ),
            Promise(
                "p2",
                "Send times for the final systems-design round",
                due=times_by,
                to="lena",
                created=replied,
                by=PromiseBy.THEM,
            ),
        ),
        events=(
            _stage(screen + timedelta(minutes=40), Stage.SCHEDULED, Stage.INTERVIEWED),
            _thanks(
                screen + timedelta(hours=3),
                "r1",
                "lena",
                "Thanks for the call and for the overview of the grid-data team.",
            ),
            _thanks(
                technical_ends + timedelta(hours=2),
                "r2",
                "arjun",
                "Thank you for the deep dive into the forecasting pipeline.",
            ),
            _thanks(
                technical_ends + timedelta(hours=2, minutes=5),
                "r2",
                "claire",
                "Thank you for the conversation about where the product is heading.",
            ),
            _sent(w.at(w.back(6), 9, 15), ActionKind.CONNECT, "arjun", channel=Channel.LINKEDIN),
            Event(
                at=w.at(w.back(6), 9, 16),
                kind=EventKind.SKIP,
                action=ActionKind.CONNECT,
                contact="claire",
            ),
            _reply(
                replied,
                "lena",
                "The team wants a final systems-design round; she will send times by "
                f"{_weekday(times_by.date())}, once the panel's calendars are set.",
            ),
            _stage(replied + timedelta(minutes=5), Stage.INTERVIEWED, Stage.NEXT_ROUND),
        ),
    )


def _cobalt(w: _When) -> Interview:
    """An onsite on the next business day: time to prepare."""
    domain = "cobaltridge.example"
    onsite = w.at(w.ahead(1), 14)
    return Interview(
        id="cobalt-security",
        company="Cobalt Ridge Security",
        role="Product Manager, Security Platform",
        timezone=w.zone,
        stage=Stage.SCHEDULED,
        rounds=(Round("r1", onsite, 120, "onsite", ("owen", "mei")),),
        contacts=(
            _person(
                "nadia",
                "Nadia Rahman",
                "Recruiting Coordinator",
                domain,
                ContactRole.RECRUITER,
                phone="+44 7700 900264",
            ),
            _person(
                "owen", "Owen Walsh", "Principal Security Engineer", domain, ContactRole.INTERVIEWER
            ),
            _person("mei", "Mei Tanaka", "Head of Product", domain, ContactRole.INTERVIEWER),
        ),
        preferences=Preferences(channels=(Channel.EMAIL, Channel.PHONE)),
        notes=Notes(
            discussed="Nadia's brief: two hours, a product case on alert fatigue and a chat "
            "with Mei about the roadmap.",
            open_questions=(OpenQuestion("How their customers triage alerts today"),),
            company_news="Cobalt Ridge published its first transparency report last week.",
        ),
        promises=(
            Promise(
                "p1",
                "Bring a one-page summary of the threat-model workshop I ran",
                due=onsite,
                to="owen",
            ),
        ),
        events=(
            _reply(
                w.at(w.back(2), 15, 10),
                "nadia",
                "Confirmed the onsite; visitor badge and parking details to follow.",
            ),
        ),
    )


def _marlow(w: _When) -> Interview:
    """References are being taken up, and HR asked not to be contacted for a few days."""
    domain = "marlowpike.example"
    first, onsite = w.at(w.back(16), 10), w.at(w.back(9), 10)
    onsite_ends = onsite + timedelta(minutes=180)
    replied = w.at(w.back(4), 12, 30)
    back_on = w.days(4)
    return Interview(
        id="marlow-ops",
        company="Marlow & Pike",
        role="Head of Product Operations",
        timezone=w.zone,
        stage=Stage.REFERENCES,
        rounds=(
            Round("r1", first, 45, "video", ("victor",)),
            Round("r2", onsite, 180, "onsite", ("victor", "amira")),
        ),
        contacts=(
            _person("rachel", "Rachel Greene", "People Partner", domain, ContactRole.HR),
            _person(
                "victor", "Victor Hale", "Chief Operating Officer", domain, ContactRole.INTERVIEWER
            ),
            _person("amira", "Amira Haddad", "Head of Fulfilment", domain, ContactRole.INTERVIEWER),
        ),
        preferences=Preferences(channels=(Channel.EMAIL,), no_contact_before=back_on),
        notes=Notes(
            discussed="Scaling the product-ops function from three to ten people; tooling budget.",
            recap=("Built the release-readiness process adopted across four product lines",),
            challenges=(
                "Launches tracked in five different tools: I would agree one launch checklist "
                "before choosing any tool",
            ),
            impressions=f"Rachel is away until {_weekday(back_on)} and asked me to hold any "
            "questions until then.",
        ),
        promises=(
            Promise(
                "p1",
                "Send Rachel my list of references",
                due=w.at(w.back(3), 12),
                to="rachel",
                created=replied,
                done_at=w.at(w.back(4), 17, 45),
            ),
        ),
        events=(
            _stage(first + timedelta(hours=1), Stage.SCHEDULED, Stage.INTERVIEWED),
            _thanks(
                first + timedelta(hours=3),
                "r1",
                "victor",
                "Thank you for the conversation about Marlow & Pike's growth plans.",
            ),
            _thanks(
                onsite_ends + timedelta(hours=2),
                "r2",
                "victor",
                "Thank you for hosting the onsite.",
            ),
            _thanks(
                onsite_ends + timedelta(hours=2, minutes=10),
                "r2",
                "amira",
                "Thank you for the warehouse tour and the fulfilment discussion.",
            ),
            _stage(onsite_ends + timedelta(hours=3), Stage.INTERVIEWED, Stage.WAITING),
            _reply(
                replied,
                "rachel",
                f"They would like to take up references; she is away until {_weekday(back_on)}.",
            ),
            _stage(replied + timedelta(minutes=15), Stage.WAITING, Stage.REFERENCES),
        ),
    )


def _oakline(w: _When) -> Interview:
    """An offer with a deadline next week: the other employers should hear about it."""
    domain = "oaklinehealth.example"
    screen, video, final = w.at(w.back(20), 11), w.at(w.back(13), 15), w.at(w.back(7), 10)
    final_ends = final + timedelta(minutes=150)
    offered = w.at(w.back(2), 11)
    return Interview(
        id="oakline-patient",
        company="Oakline Health",
        role="Product Lead, Patient Apps",
        timezone=w.zone,
        stage=Stage.OFFER,
        rounds=(
            Round("r1", screen, 30, "phone screen", ("grace",)),
            Round("r2", video, 60, "video", ("samuel",)),
            Round("r3", final, 150, "onsite", ("samuel", "julia")),
        ),
        contacts=(
            _person(
                "grace",
                "Grace Liu",
                "Talent Acquisition Manager",
                domain,
                ContactRole.HR,
                phone="+44 7700 900733",
            ),
            _person(
                "samuel", "Samuel Adeyemi", "Chief Product Officer", domain, ContactRole.INTERVIEWER
            ),
            _person(
                "julia", "Julia Novak", "Director of Engineering", domain, ContactRole.INTERVIEWER
            ),
        ),
        preferences=Preferences(channels=(Channel.EMAIL, Channel.PHONE)),
        offer_deadline=w.days(8),
        notes=Notes(
            discussed="Patient booking app rebuild; accessibility audit findings; team of two "
            "squads.",
            recap=("Took an app from 3.1 to 4.6 stars in a year by fixing the top ten complaints",),
            company_news="Oakline Health's booking app was shortlisted for a national "
            "design award.",
            impressions="Strong mutual fit. Samuel wants an answer by the deadline but said "
            "there is room on the start date.",
        ),
        promises=(
            Promise(
                "p1",
                "Send Grace the signed pre-employment forms",
                due=w.at(w.days(2), 12),
                to="grace",
                created=offered,
            ),
            Promise(
                "p2",
                "Send the written offer with the benefits summary",
                due=w.at(w.back(1), 17),
                to="grace",
                created=offered,
                done_at=w.at(w.back(1), 15, 20),
                by=PromiseBy.THEM,
            ),
        ),
        events=(
            _stage(screen + timedelta(minutes=40), Stage.SCHEDULED, Stage.INTERVIEWED),
            _thanks(screen + timedelta(hours=2), "r1", "grace", "Thanks for the introduction."),
            _thanks(
                video + timedelta(hours=3),
                "r2",
                "samuel",
                "Thank you for the conversation about the booking app.",
            ),
            _thanks(final_ends + timedelta(hours=2), "r3", "samuel", "Thank you for the onsite."),
            _thanks(
                final_ends + timedelta(hours=2, minutes=5),
                "r3",
                "julia",
                "Thank you for the architecture walkthrough.",
            ),
            _stage(final_ends + timedelta(hours=3), Stage.INTERVIEWED, Stage.WAITING),
            _reply(
                offered - timedelta(minutes=15),
                "grace",
                "Verbal offer; the written offer follows tomorrow.",
            ),
            _stage(offered, Stage.WAITING, Stage.OFFER),
        ),
    )


def _fernhill(w: _When) -> Interview:
    """Two follow-ups went unanswered: time to move on."""
    domain = "fernhill.example"
    video = w.at(w.back(24), 14)
    return Interview(
        id="fernhill-insights",
        company="Fernhill Retail Group",
        role="Senior Product Manager, Retail Insights",
        timezone=w.zone,
        stage=Stage.WAITING,
        rounds=(Round("r1", video, 60, "video", ("lucy",)),),
        contacts=(
            _person("ben", "Ben Carter", "Recruiter", domain, ContactRole.RECRUITER),
            _person("lucy", "Lucy Hart", "Insights Team Lead", domain, ContactRole.INTERVIEWER),
        ),
        preferences=Preferences(channels=(Channel.EMAIL,)),
        notes=Notes(
            recap=("Ran store-level experiments across 120 shops",),
            impressions="Felt like a good fit, but the team still seemed to be defining the role.",
        ),
        events=(
            _stage(video + timedelta(hours=1), Stage.SCHEDULED, Stage.INTERVIEWED),
            _thanks(
                video + timedelta(hours=2, minutes=30),
                "r1",
                "lucy",
                "Thank you for the conversation about store experiments.",
            ),
            _stage(video + timedelta(hours=3), Stage.INTERVIEWED, Stage.WAITING),
            _sent(
                w.at(w.back(12), 10),
                ActionKind.CHECK_IN,
                "ben",
                "Checking in on the Retail Insights role; still very interested.",
            ),
            _sent(
                w.at(w.back(6), 10),
                ActionKind.VALUE_ADD,
                "ben",
                "Sharing a short write-up of a pricing experiment that may help the team.",
            ),
        ),
    )


def _quillstone(w: _When) -> Interview:
    """They asked candidates not to follow up: followup stays quiet here."""
    domain = "quillstone.example"
    video = w.at(w.back(4), 11)
    return Interview(
        id="quillstone-reader",
        company="Quillstone Publishing",
        role="Product Manager, Reader Experience",
        timezone=w.zone,
        stage=Stage.WAITING,
        rounds=(Round("r1", video, 60, "video", ("noah",)),),
        contacts=(
            _person("ellen", "Ellen Price", "HR Coordinator", domain, ContactRole.HR),
            _person(
                "noah", "Noah Kim", "Director of Digital Products", domain, ContactRole.INTERVIEWER
            ),
        ),
        preferences=Preferences(channels=(Channel.EMAIL,), no_follow_ups=True),
        decision_by=w.days(6),
        notes=Notes(
            discussed="E-reader annotations; subscriptions. Ellen asked candidates not to send "
            "thank-you notes or follow-ups: they will write to everyone.",
            impressions="Interesting product, slow-moving company.",
        ),
        promises=(
            Promise(
                "p1",
                "Upload my portfolio to the candidate portal",
                due=w.at(w.back(3), 17),
                created=video,
                done_at=w.at(w.back(4), 16),
            ),
        ),
        events=(_stage(video + timedelta(hours=1), Stage.SCHEDULED, Stage.WAITING),),
    )


def _kestrel(w: _When) -> Interview:
    """Closed a month ago, kept warm: a friendly note is due, in Toronto time."""
    domain = "kestrelcloud.example"
    video = w.at(w.weekday_on_or_before(w.days(-60)), 11)
    return Interview(
        id="kestrel-tpm",
        company="Kestrel Cloud Systems",
        role="Technical Product Manager",
        timezone=w.zone,
        stage=Stage.CLOSED,
        outcome=Outcome.MOVED_ON,
        keep_warm=True,
        rounds=(Round("r1", video, 60, "video", ("ethan",)),),
        contacts=(
            _person(
                "maya",
                "Maya Singh",
                "Senior Recruiter",
                domain,
                ContactRole.RECRUITER,
                phone="+1 416 555 0142",
            ),
            _person(
                "ethan", "Ethan Ross", "Director of Solutions", domain, ContactRole.INTERVIEWER
            ),
        ),
        preferences=Preferences(channels=(Channel.EMAIL, Channel.LINKEDIN)),
        notes=Notes(
            impressions="They paused the role; Maya suggested keeping in touch for when it "
            "reopens.",
        ),
        events=(
            _thanks(video + timedelta(hours=3), "r1", "ethan", "Thank you for your time today."),
            _sent(w.at(w.weekday_on_or_before(w.days(-48)), 10), ActionKind.CHECK_IN, "maya"),
            _sent(w.at(w.weekday_on_or_before(w.days(-34)), 10), ActionKind.VALUE_ADD, "maya"),
            _stage(w.at(w.weekday_on_or_before(w.days(-27)), 9), Stage.WAITING, Stage.CLOSED),
        ),
    )


def _silverline(w: _When) -> Interview:
    domain = "silverline.example"
    first, second = w.at(w.back(30), 10), w.at(w.back(25), 15)
    return Interview(
        id="silverline-gpm",
        company="Silverline Mobility",
        role="Group Product Manager",
        timezone=w.zone,
        stage=Stage.CLOSED,
        outcome=Outcome.REJECTED,
        rounds=(
            Round("r1", first, 45, "video", ("kofi",)),
            Round("r2", second, 60, "video", ("kofi",)),
        ),
        contacts=(_person("kofi", "Kofi Mensah", "VP Product", domain, ContactRole.INTERVIEWER),),
        notes=Notes(
            impressions="Kofi's feedback: strong, but they need someone who has managed "
            "managers. Fair."
        ),
        events=(
            _thanks(first + timedelta(hours=2), "r1", "kofi", "Thank you for the first chat."),
            _thanks(second + timedelta(hours=2), "r2", "kofi", "Thank you for the second round."),
            _reply(w.at(w.back(21), 9), "kofi", "They went with an internal candidate."),
            _stage(w.at(w.back(21), 9, 30), Stage.WAITING, Stage.CLOSED),
        ),
    )


def _pinecrest(w: _When) -> Interview:
    domain = "pinecrest.example"
    screen = w.at(w.back(18), 16)
    return Interview(
        id="pinecrest-payments",
        company="Pinecrest Financial",
        role="Product Manager, Payments",
        timezone=w.zone,
        stage=Stage.CLOSED,
        outcome=Outcome.WITHDRAWN,
        rounds=(Round("r1", screen, 30, "phone screen", ("zoe",)),),
        contacts=(_person("zoe", "Zoe Adams", "Talent Partner", domain, ContactRole.RECRUITER),),
        notes=Notes(
            impressions="Five days a week in the office, two hours away. Withdrew politely."
        ),
        events=(
            _thanks(screen + timedelta(hours=1), "r1", "zoe", "Thanks for the call."),
            _stage(w.at(w.back(15), 12), Stage.INTERVIEWED, Stage.CLOSED),
        ),
    )
