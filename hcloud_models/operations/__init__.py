"""Every API operation, described once: method, path, query, body and reply.

Each module holds the operations of one resource family as *build functions*:
plain functions that validate their arguments and return a :class:`Call`.  The
clients run calls; the resource managers expose the build functions as methods.
"""
