"""The keys of SPEC section 10, each with an id, a label and a tooltip. The footer, the help
screen and the command palette are all made from these lists, so they cannot drift apart.

The dashboard's keys are in the order a narrow footer should keep them: help first, so that
it is there at any width, then the morning's keys, then the rest."""

from __future__ import annotations

from textual.binding import Binding

DASHBOARD = [
    Binding("question_mark", "help", "Help", key_display="?", id="help", tooltip="Show every key"),
    Binding(
        "r",
        "review",
        "Review",
        id="daily-review",
        tooltip="Step through today's and overdue actions",
    ),
    Binding(
        "c",
        "copy",
        "Copy",
        id="copy-draft",
        tooltip="Copy the selected action's draft to the clipboard",
    ),
    Binding("s", "sent", "Sent", id="mark-sent", tooltip="Mark the selected action sent"),
    Binding("z", "snooze", "Snooze", id="snooze", tooltip="Put the selected action off"),
    Binding("x", "skip", "Skip", id="skip", tooltip="Drop the selected action for good"),
    Binding("R", "reply", "Reply", id="record-reply", tooltip="Record that the employer answered"),
    Binding("a", "add", "Add", id="add-interview", tooltip="Add an interview"),
    Binding(
        "e",
        "edit",
        "Edit",
        id="edit-interview",
        tooltip="Edit the selected interview: details, rounds, contacts, notes, promises",
    ),
    Binding("u", "undo", "Undo", id="undo", tooltip="Undo the last change"),
    Binding(
        "slash",
        "filter",
        "Filter",
        key_display="/",
        id="filter",
        tooltip="Filter the board by company, role or contact",
    ),
    Binding(
        "less_than_sign",
        "move(-1)",
        "◀",
        key_display="<",
        id="stage-back",
        tooltip="Move the card to the previous stage",
    ),
    Binding(
        "greater_than_sign",
        "move(1)",
        "▶",
        key_display=">",
        id="stage-forward",
        tooltip="Move the card to the next stage",
    ),
    Binding(
        "w",
        "waiting",
        "Waiting",
        id="waiting-on-them",
        tooltip="Waiting on them: every date they gave, how late it is",
    ),
    Binding(
        "t",
        "stats",
        "Stats",
        id="stats",
        tooltip="Stats: answer times, replies, sends per week, stages",
    ),
    Binding("q", "app.quit", "Quit", id="quit", tooltip="Leave followup"),
    Binding(
        "i",
        "inbox",
        "Inbox",
        id="inbox",
        tooltip="The inbox: what your mail shows, to confirm",
        # Like the keys below, on ? and in the palette: the footer has no room left.
        show=False,
    ),
    Binding(
        "P",
        "profile",
        "Profile",
        id="profile",
        tooltip="Your name, email, phone, time zone and signature",
        # No room is left in the footer, even at 120 columns: it is on ? and in the palette.
        show=False,
    ),
    Binding(
        "C",
        "copy_subject",
        "Copy subject",
        id="copy-subject",
        tooltip="Copy the selected action's subject line",
        show=False,
    ),
    Binding(
        "o",
        "open_mail",
        "Open in mail",
        id="open-mail",
        tooltip="Open the selected action's draft in your mail program",
        show=False,
    ),
    Binding(
        "m",
        "combine",
        "Combine",
        id="combine",
        tooltip="One message: the selected action and the next one to the same person",
        show=False,
    ),
]

# Moving around: listed on the help screen; the widgets that own them bind them.
NAVIGATION = [
    ("←→↑↓ h j k l", "Move between cards and columns"),
    ("tab / shift+tab", "Next / previous pane"),
    ("enter", "Open the selected card's detail; in the due list, the whole draft"),
    ("home end pageup pagedown", "First, last, a screenful up or down in any list"),
    ("j k (detail, draft)", "Scroll the detail pane or the draft a line"),
    ("escape", "Close a dialog, clear the filter"),
    ("ctrl+p", "The command palette: every action by name"),
]
