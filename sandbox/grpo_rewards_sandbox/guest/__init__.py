"""Code that runs inside the sandbox image: stdlib only, copied into the image at build time.

``codec`` is shared with the host. ``supervisor`` is PID 1 of every container;
``runner`` runs one job in a fresh process.
"""
