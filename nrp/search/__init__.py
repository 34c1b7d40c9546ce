"""Staff search by name or reference within their scope, and the exports of registers and caseloads."""
