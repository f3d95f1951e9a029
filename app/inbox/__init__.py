"""The inbox (SPEC section 11): the user's mail read without changing it, and what it shows
proposed for one-key confirmation. Nothing here records anything: ``app.services.inbox`` does,
when the user accepts a proposal."""
