"""One module per API family; each defines ``register(cloud)`` (see CONTRIBUTING.md).

Modules here are found automatically and registered in the order of their
``ORDER`` constant (default 50), then by name.
"""
