"""The keys of SPEC section 10, each with an id, a label and a tooltip. The footer, the help
screen and the command palette are all made from these lists, so they cannot drift apart.

The dashboard's keys are in the footer's order: help first, then the morning's keys, then the
rest; the keys the widgets own (moving, the next pane, opening) come last, as FOOTER_HINTS."""

from __future__ import annotations

from textual.binding import Binding

DASHBOARD = [
    Binding("question_mark", "help", "Help", key_display="?", id="help", tooltip="Show every key"),
    Binding(
        "r",
        "review",
        "Review",
        id="daily-review",
        tooltip="Daily review: today's and overdue actions",
    ),
    Binding(
        "c",
        "copy",
        "Copy",
        id="copy-draft",
        tooltip="Copy the selected action's draft to the clipboard",
    ),
    Binding(
        "C",
        "copy_subject",
        "Subject",
        id="copy-subject",
        tooltip="Copy the selected action's subject line",
    ),
    Binding(
        "o",
        "open_mail",
        "Mail",
        id="open-mail",
        tooltip="Open the selected action's draft in your mail program",
    ),
    Binding(
        "m",
        "combine",
        "Combine",
        id="combine",
        tooltip="One message: the selected action and the next one to the same person",
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
    Binding(
        "i",
        "inbox",
        "Inbox",
        id="inbox",
        tooltip="The inbox: what your mail shows, to confirm",
    ),
    Binding(
        "P",
        "profile",
        "Profile",
        id="profile",
        tooltip="Your name, email, phone, time zone and signature",
    ),
    Binding("q", "app.quit", "Quit", id="quit", tooltip="Leave followup"),
    Binding(
        "W",
        "write_draft",
        "To file",
        id="write-draft",
        tooltip="Write the selected action's draft to a file, where no clipboard works",
        # Not one of the fixed keys: on ? and in the palette, and named where it is needed.
        show=False,
    ),
]

# The keys the widgets own, in the footer: pressed when clicked, as the others are.
FOOTER_HINTS = (("right", "←↑↓→", "Move"), ("tab", "tab", "Pane"), ("enter", "⏎", "Open"))

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
