"""What the mail proposes, and what applying it records (SPEC section 11), on the demo's
interviews with messages as the parser gives them: a reply resets the clock, a message I sent
marks its action sent, a machine's answer is never a reply, a stranger at the company is a new
contact, an invitation makes, moves and cancels a round; nothing is recorded twice, and a
dismissed proposal never comes back."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pendulum
import pytest

from app.demo import demo_pipeline
from app.domain.copies import replace
from app.domain.records import Channel
from app.engine import compute_actions
from app.engine.describe import moment
from app.inbox.mail import Address, Invitation, Mail, Method
from app.inbox.matching import as_it_stands, round_id_for
from app.inbox.proposals import Proposal, ProposalKind
from app.services.inbox import apply_proposals, propose_from
from app.services.listing import Wanted
from app.services.operations import mark_sent
from app.services.records import Records
from app.store.repository import Repository

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 11, 20, 10, 0, tz=ZONE)
ME = Address("Jordan Ellis", "jordan@jordanellis.example")
SOFIA = Address("Sofia Marsh", "sofia.marsh@harborlane.example")
HANA = Address("Hana Okafor", "hana.okafor@brightwater.example")
AN_HOUR_AGO = NOW.subtract(hours=1)
KEYS = {"id", "kind", "interview", "contact", "action", "at", "from", "subject", "reason", "round"}


def mail(
    sender: Address,
    to: tuple[Address, ...] = (ME,),
    *,
    ident: str = "<1@harborlane.example>",
    at: pendulum.DateTime = AN_HOUR_AGO,
    subject: str = "Re: Product Analytics Lead",
    first_lines: str = "Thanks Jordan, we are still deciding and will write by Friday.",
    automatic: str = "",
    invitations: tuple[Invitation, ...] = (),
    folder: str = "",
) -> Mail:
    return Mail(
        message_id=ident,
        at=at,
        sender=sender,
        to=to,
        subject=subject,
        first_lines=first_lines,
        text=first_lines,
        automatic=automatic,
        invitations=invitations,
        folder=folder,
    )


@pytest.fixture
def records(tmp_path: Path) -> Records:
    db = tmp_path / "db.json"
    Repository(db, default_zone=ZONE).import_pipeline(demo_pipeline(NOW, ZONE), replace=False)
    return Records(db, default_zone=ZONE)


def proposals(records: Records, *mails: Mail, done: tuple[str, ...] = ()) -> list[Proposal]:
    return propose_from(mails, records.load(), NOW, done)


def rounds_in(found: list[Proposal]) -> list[Proposal]:
    return [p for p in found if p.kind is ProposalKind.ROUND]


def open_ids(records: Records) -> set[str]:
    pipeline = records.load()
    return {a.id for a in compute_actions(pipeline.interviews, pipeline.policy, NOW)}


def test_a_reply_is_proposed_then_recorded_once_and_the_check_in_goes(records: Records) -> None:
    assert "harbor-analytics/check_in/r2" in open_ids(records)
    [proposal] = proposals(records, mail(SOFIA))
    assert (proposal.kind, proposal.interviews, proposal.contact) == (
        ProposalKind.REPLY,
        ("harbor-analytics",),
        "sofia",
    )
    assert set(proposal.as_json()) == KEYS
    assert "Sofia Marsh wrote on" in proposal.reason
    assert apply_proposals(records, [proposal], NOW) == [
        "Recorded a reply from Harbor Lane Logistics (Sofia Marsh <sofia.marsh@harborlane.example>)"
    ]
    events = next(i for i in records.load().interviews if i.id == "harbor-analytics").events
    assert events[-1].source == "<1@harborlane.example>" and events[-1].contact == "sofia"
    assert "harbor-analytics/check_in/r2" not in open_ids(records)
    # Read again, the same message proposes nothing; applied again, it records nothing.
    assert proposals(records, mail(SOFIA)) == []
    assert apply_proposals(records, [proposal], NOW) == [f"{proposal.id}: recorded already"]


def test_a_thank_you_sent_from_the_phone_marks_its_action_sent(records: Records) -> None:
    action = "brightwater-pm/thank_you/r2/hana"
    assert action in open_ids(records)
    sent = mail(ME, (HANA,), ident="<2@phone.example>", at=NOW.subtract(minutes=30))
    [proposal] = proposals(records, sent)
    assert (proposal.kind, proposal.action, proposal.contact) == (ProposalKind.SENT, action, "hana")
    assert apply_proposals(records, [proposal], NOW) == [
        "Marked sent from your mail: the thank-you to Hana Okafor · Brightwater Analytics"
    ]
    assert action not in open_ids(records)
    events = next(i for i in records.load().interviews if i.id == "brightwater-pm").events
    recorded = [e for e in events if e.action_id == action]
    assert len(recorded) == 1 and recorded[0].source == "<2@phone.example>"
    assert recorded[0].at == NOW.subtract(minutes=30)


def test_a_message_already_marked_sent_by_hand_is_not_recorded_again(records: Records) -> None:
    action = "brightwater-pm/thank_you/r2/hana"
    records.change_actions(
        [Wanted(action)], lambda i, a: mark_sent(i, a, NOW.subtract(minutes=20)), NOW
    )
    assert action not in open_ids(records)
    # The mail of that thank-you, read later: its action is no longer open, and recording it
    # as another message would count one message as two.
    sent = mail(ME, (HANA,), ident="<4@phone.example>", at=NOW.subtract(minutes=30))
    assert proposals(records, sent) == []
    # Marked sent as a call, it was not this mail.
    phoned = records.load()
    calls = replace(
        phoned,
        interviews=tuple(
            replace(i, events=tuple(replace(e, channel=Channel.PHONE) for e in i.events))
            if i.id == "brightwater-pm"
            else i
            for i in phoned.interviews
        ),
    )
    [by_mail] = propose_from([sent], calls, NOW, ())
    assert (by_mail.kind, by_mail.action) == (ProposalKind.SENT, None)
    # A message two days later is another one.
    later = mail(ME, (HANA,), ident="<5@phone.example>", at=NOW.add(days=2))
    [proposal] = propose_from([later], records.load(), NOW.add(days=2), ())
    assert (proposal.kind, proposal.action) == (ProposalKind.SENT, None)


@pytest.mark.parametrize(
    "automatic", ["an out-of-office reply", "a delivery failure", "a list message", "no-reply"]
)
def test_a_machines_answer_is_never_a_reply(records: Records, automatic: str) -> None:
    assert proposals(records, mail(SOFIA, automatic=automatic)) == []


def test_a_stranger_at_the_company_is_a_reply_and_a_new_contact(records: Records) -> None:
    stranger = Address("Omar Haddad", "omar@harborlane.example")
    reply, contact = proposals(records, mail(stranger, ident="<3@harborlane.example>"))
    assert (reply.kind, reply.contact) == (ProposalKind.REPLY, None)
    assert (contact.kind, contact.new_email) == (ProposalKind.CONTACT, "omar@harborlane.example")
    apply_proposals(records, [contact], NOW)
    harbor = next(i for i in records.load().interviews if i.id == "harbor-analytics")
    assert ("omar-haddad", "omar@harborlane.example") in [(c.id, c.email) for c in harbor.contacts]


def test_webmail_matches_by_whole_address_only(records: Records) -> None:
    stranger = Address("Someone", "someone@gmail.com")
    assert proposals(records, mail(stranger)) == []


def test_a_dismissed_proposal_never_comes_back(records: Records) -> None:
    [proposal] = proposals(records, mail(SOFIA))
    assert proposals(records, mail(SOFIA), done=(proposal.id,)) == []
    # The id is the same however often the message is read.
    assert proposals(records, mail(SOFIA))[0].id == proposal.id


def test_an_update_read_with_its_invitation_says_it_moves_once_the_round_is_made(
    records: Records,
) -> None:
    def invite(sequence: int, at: pendulum.DateTime) -> Mail:
        invitation = Invitation(
            method=Method.REQUEST,
            uid="final-9@harborlane.example",
            sequence=sequence,
            starts=at,
            minutes=45,
            summary="Final round",
            organizer=SOFIA,
            attendees=(ME,),
        )
        return mail(SOFIA, ident=f"<final-9-{sequence}@x>", invitations=(invitation,))

    first, moved = NOW.add(days=5), NOW.add(days=6)
    added, update = rounds_in(proposals(records, invite(0, first), invite(1, moved)))
    # Read in one scan, before either was accepted: each says it adds the round.
    assert "it adds a round" in added.reason and "it adds a round" in update.reason
    apply_proposals(records, [added], NOW)
    made = round_id_for("final-9@harborlane.example")
    now_it = as_it_stands(update, records.load().interviews)
    assert now_it.round is not None and now_it.round.id == made
    assert now_it.reason == (
        f"the invitation was changed to {moment(moved)}: it moves the round of {moment(first)}"
    )
    assert as_it_stands(added, []) == added  # nothing made yet: as it was
    # The first again, once its round is made: nothing to change, and said so.
    same = as_it_stands(added, records.load().interviews)
    assert same.reason == (
        f"the invitation for {moment(first)} is the round as recorded: it changes nothing"
    )


def test_an_invitation_adds_a_round_then_moves_it_then_cancels_it(records: Records) -> None:
    starts = NOW.add(days=5).replace(hour=14)

    def invitation(method: Method, sequence: int, at: pendulum.DateTime) -> Invitation:
        return Invitation(
            method=method,
            uid="final-round-123@harborlane.example",
            sequence=sequence,
            starts=at,
            minutes=45,
            summary="Final round",
            organizer=SOFIA,
            attendees=(ME, Address("Daniel Osei", "daniel.osei@harborlane.example")),
        )

    def invite(method: Method, sequence: int, at: pendulum.DateTime, n: int) -> Mail:
        return mail(
            SOFIA,
            ident=f"<cal-{n}@harborlane.example>",
            subject="Invitation: Final round",
            invitations=(invitation(method, sequence, at),),
        )

    made = round_id_for("final-round-123@harborlane.example")
    [added] = rounds_in(proposals(records, invite(Method.REQUEST, 0, starts, 1)))
    assert added.round is not None and added.round.id is None
    assert added.as_json()["round"] == {
        "id": None,
        "starts": starts.isoformat(),
        "minutes": 45,
        "interviewers": ["sofia", "daniel"],
    }
    assert apply_proposals(records, [added], NOW) == [
        f"Added a round with Harbor Lane Logistics on {moment(starts)}"
    ]

    def harbor_round() -> tuple[pendulum.DateTime, int] | None:
        harbor = next(i for i in records.load().interviews if i.id == "harbor-analytics")
        found = next((r for r in harbor.rounds if r.id == made), None)
        return None if found is None else (found.starts, found.minutes)

    assert harbor_round() == (starts, 45)
    later = starts + timedelta(days=1)
    [moved] = [
        p
        for p in proposals(records, invite(Method.REQUEST, 1, later, 2))
        if p.kind is ProposalKind.ROUND
    ]
    assert moved.round is not None and moved.round.id == made
    assert moved.reason == (
        f"the invitation was changed to {moment(later)}: it moves the round of {moment(starts)}"
    )
    assert apply_proposals(records, [moved], NOW) == [
        f"Moved the round with Harbor Lane Logistics from {moment(starts)} to {moment(later)}"
    ]
    assert harbor_round() == (later, 45)
    [cancelled] = [
        p
        for p in proposals(records, invite(Method.CANCEL, 2, later, 3))
        if p.kind is ProposalKind.ROUND
    ]
    assert (
        cancelled.reason
        == f"the invitation for {moment(later)} was cancelled: it removes that round"
    )
    assert apply_proposals(records, [cancelled], NOW) == [
        f"Removed the round with Harbor Lane Logistics on {moment(later)}"
    ]
    assert harbor_round() is None


def test_a_message_matching_two_interviews_names_both_and_is_not_recorded_alone(
    records: Records,
) -> None:
    pipeline = records.load()
    # A second process at the same employer: a contact of the other at harborlane.example.
    twin = replace(
        next(i for i in pipeline.interviews if i.id == "fernhill-insights"),
        contacts=(
            *next(i for i in pipeline.interviews if i.id == "fernhill-insights").contacts,
            replace(
                next(i for i in pipeline.interviews if i.id == "harbor-analytics").contacts[1],
                id="daniel2",
                email="daniel2@harborlane.example",
            ),
        ),
    )
    records.update(
        lambda p: replace(p, interviews=tuple(twin if i.id == twin.id else i for i in p.interviews))
    )
    stranger = Address("Omar Haddad", "omar@harborlane.example")
    reply = next(p for p in proposals(records, mail(stranger)) if p.kind is ProposalKind.REPLY)
    assert set(reply.interviews) == {"harbor-analytics", "fernhill-insights"}
    assert isinstance(reply.as_json()["interview"], list)
    [line] = apply_proposals(records, [reply], NOW)
    assert "not recorded" in line


def test_a_guest_of_an_invitation_at_the_company_is_proposed_as_a_new_contact(
    records: Records,
) -> None:
    guest = Address("Omar Haddad", "omar@harborlane.example")
    invitation = Invitation(
        method=Method.REQUEST,
        uid="panel-9@harborlane.example",
        sequence=0,
        starts=NOW.add(days=3),
        minutes=60,
        summary="Panel",
        organizer=SOFIA,
        attendees=(ME, guest, Address("Someone", "someone@gmail.com")),
    )
    found = proposals(records, mail(SOFIA, ident="<panel@x>", invitations=(invitation,)))
    contacts = [p for p in found if p.kind is ProposalKind.CONTACT]
    assert [(p.new_name, p.new_email, p.interviews) for p in contacts] == [
        ("Omar Haddad", "omar@harborlane.example", ("harbor-analytics",))
    ]
    # The message is Sofia's: it is from her, and its first lines are hers.
    [omar] = contacts
    assert omar.sender == "Sofia Marsh <sofia.marsh@harborlane.example>"
    assert omar.first_lines == mail(SOFIA).first_lines
    assert "Omar Haddad <omar@harborlane.example> is invited" in omar.reason


@pytest.mark.parametrize("round_first", [True, False], ids=["round first", "contact first"])
def test_a_guest_accepted_as_a_contact_is_one_of_the_rounds_interviewers(
    records: Records, round_first: bool
) -> None:
    guest = Address("Omar Haddad", "omar@harborlane.example")
    invitation = Invitation(
        method=Method.REQUEST,
        uid="panel-10@harborlane.example",
        sequence=0,
        starts=NOW.add(days=3),
        minutes=60,
        summary="Panel",
        organizer=SOFIA,
        attendees=(ME, guest),
    )
    found = proposals(records, mail(SOFIA, ident="<panel10@x>", invitations=(invitation,)))
    [made] = rounds_in(found)
    [contact] = [p for p in found if p.kind is ProposalKind.CONTACT]
    # One at a time, in either order, as the inbox screen accepts them.
    for one in [made, contact] if round_first else [contact, made]:
        apply_proposals(records, [one], NOW)
    harbor = next(i for i in records.load().interviews if i.id == "harbor-analytics")
    omar = next(c.id for c in harbor.contacts if c.email == guest.email)
    [panel] = [r for r in harbor.rounds if r.id == round_id_for(invitation.uid)]
    assert panel.interviewers == ("sofia", omar)
    # So he is thanked too, once the panel is over.
    after = NOW.add(days=3, hours=2)
    pipeline = records.load()
    thanks = {
        a.contact
        for a in compute_actions(pipeline.interviews, pipeline.policy, after)
        if a.kind.value == "thank_you" and a.round == panel.id
    }
    assert thanks == {"sofia", omar}


def test_a_reply_older_than_the_last_event_is_the_one_that_carries_its_message(
    records: Records,
) -> None:
    """Events stay in time order: the reply read from an older message goes before a later
    event, and it (not the later event) names the message, so it is never proposed again."""
    harbor = next(
        i for i in records.load().interviews if any(c.email == SOFIA.email for c in i.contacts)
    )
    days_before = pendulum.instance(harbor.events[-1].at).subtract(days=3)
    (reply,) = [
        p
        for p in proposals(records, mail(SOFIA, ident="<old@harborlane.example>", at=days_before))
        if p.kind is ProposalKind.REPLY
    ]
    apply_proposals(records, [reply], NOW)
    interview = next(i for i in records.load().interviews if i.id == harbor.id)
    assert interview.events[-1].at > days_before  # the reply is not the last event
    (sourced,) = [e for e in interview.events if e.source == "<old@harborlane.example>"]
    assert sourced.kind.value == "reply"
    assert sourced.at == days_before
    assert proposals(records, mail(SOFIA, ident="<old@harborlane.example>", at=days_before)) == []


def test_a_mail_to_someone_whose_invitation_to_connect_is_open_is_not_that_invitation(
    records: Records,
) -> None:
    later = NOW.add(days=5)  # Marlow's invitations to connect are open by then
    pipeline = records.load()
    assert "marlow-ops/connect/amira" in {
        a.id for a in compute_actions(pipeline.interviews, pipeline.policy, later)
    }
    amira = Address("Amira Haddad", "amira.haddad@marlowpike.example")
    sent = mail(ME, (amira,), ident="<5@me.example>", at=later.subtract(hours=1))
    [proposal] = propose_from([sent], pipeline, later, ())
    # A LinkedIn invitation is not a mail: the mail is a message of its own.
    assert proposal.kind is ProposalKind.SENT and proposal.action is None


GRACE = Address("Grace Liu", "grace.liu@oaklinehealth.example")


def test_a_promise_kept_early_by_mail_is_the_promise_kept(records: Records) -> None:
    action = "oakline-patient/keep_promise/p1"
    pipeline = records.load()
    listed = {a.id: a for a in compute_actions(pipeline.interviews, pipeline.policy, NOW)}
    assert listed[action].due_from > AN_HOUR_AGO  # its window has not opened yet
    kept = mail(ME, (GRACE,), ident="<6@me.example>", subject="The case study I promised")
    [proposal] = proposals(records, kept)
    assert (proposal.kind, proposal.action) == (ProposalKind.SENT, action)
    assert "it marks that one sent" in proposal.reason
    apply_proposals(records, [proposal], NOW)
    assert action not in open_ids(records)


def test_a_message_before_the_promise_was_made_does_not_keep_it(records: Records) -> None:
    made = next(
        p.created
        for i in records.load().interviews
        for p in i.promises
        if i.id == "oakline-patient"
    )
    before = mail(
        ME, (GRACE,), ident="<7@me.example>", at=pendulum.instance(made).subtract(hours=1)
    )
    [proposal] = propose_from([before], records.load(), NOW, ())
    assert proposal.action is None


def test_another_message_the_same_day_as_one_marked_by_hand_is_proposed(records: Records) -> None:
    action = "brightwater-pm/thank_you/r2/hana"
    thanked = "Dear Hana,\n\nThank you for taking the time to meet with me yesterday to discuss "
    records.change_actions(
        [Wanted(action)],
        lambda i, a: mark_sent(i, a, NOW.subtract(minutes=20), text=thanked + "the role."),
        NOW,
    )
    other = "Hi Hana,\n\nAs promised, here is the pricing model I mentioned, with its notes."
    sent = mail(ME, (HANA,), ident="<8@me.example>", first_lines=other)
    [proposal] = proposals(records, sent)
    assert proposal.kind is ProposalKind.SENT
    # The thank-you itself, as sent, is still that message: not recorded again.
    same = mail(ME, (HANA,), ident="<9@me.example>", first_lines=thanked + "the role.\n\nJordan")
    assert proposals(records, same) == []
