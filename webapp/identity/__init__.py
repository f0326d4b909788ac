"""Who someone is: password hashing and policy, and work email addresses. Plain Python, no Flask."""
