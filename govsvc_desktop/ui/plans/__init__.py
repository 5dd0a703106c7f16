"""Improvement plans in the window: the plans page with its dashboard, and the plan editor."""
