"""What the user does, over the stored data: the layer between the interfaces (the dashboard,
the command line) and the store. The dashboard talks to one ``Workspace``; ``operations`` are
the changes both interfaces record in the same way.
"""

from app.services.opening import open_workspace, quick_to_read
from app.services.workspace import Change, Reread, Samples, Workspace, WorkspaceError

__all__ = [
    "Change",
    "Reread",
    "Samples",
    "Workspace",
    "WorkspaceError",
    "open_workspace",
    "quick_to_read",
]
