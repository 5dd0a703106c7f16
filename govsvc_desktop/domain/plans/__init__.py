"""Process-improvement plans: indicators, the 30% rule, quarters, the dashboard and 128 requests."""
