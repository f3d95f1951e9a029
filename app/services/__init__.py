"""What the user does, over the stored data: the layer between the interfaces and the store.

The dashboard talks to one ``workspace.Workspace`` (made by ``opening.open_workspace``); a command
to ``records.Records``; ``operations`` are the changes both record in the same way. Nothing is
imported here, so that a command pays only for the part it uses.
"""
