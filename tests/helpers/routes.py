"""Every route of the app with an example path, and the methods each takes.

test_every_route_is_listed_here fails when a route is added and not listed, so none skips the checks on them.
"""

PUBLIC_RULES = {
    "/": "/",
    "/sign-in": "/sign-in",
    "/register": "/register",
    "/forgot-password": "/forgot-password",
    "/resend-link": "/resend-link",
    "/check-your-email": "/check-your-email",
    "/set-password/<token>": "/set-password/made-up-token",
    "/accessibility": "/accessibility",
    "/verify": "/verify",
    "/verify/<code>": "/verify/ABCD-EFGH-JK",
    "/healthz": "/healthz",
    "/favicon.ico": "/favicon.ico",
    "/sign-in/sso": "/sign-in/sso",
    "/sign-in/sso/callback": "/sign-in/sso/callback",
    "/sign-in/sso/jwks.json": "/sign-in/sso/jwks.json",
    "/reminders/stop/<token>": "/reminders/stop/made-up-token",
}
PUBLIC = list(PUBLIC_RULES.values())
PUBLIC_FORMS = {
    "/sign-in",
    "/register",
    "/forgot-password",
    "/resend-link",
    "/set-password/<token>",
    "/verify",
    "/reminders/stop/<token>",
}
# Single sign-on's pages answer 404 while it is off, as it is in tests unless they set OIDC_ISSUER.
SSO_PATHS = ["/sign-in/sso", "/sign-in/sso/callback", "/sign-in/sso/jwks.json"]
# Public pages that answer 404 for a made-up example: a link's page with a token nobody was sent.
NOT_FOUND_EXAMPLES = {
    "/set-password/made-up-token",
    "/reminders/stop/made-up-token",
    "/verify/ABCD-EFGH-JK",
    *SSO_PATHS,
}
PRIVATE = {
    "/courses": "/courses",
    "/courses/<course_slug>": "/courses/spreadsheet-basics",
    "/courses/<course_slug>/<lesson_slug>": "/courses/spreadsheet-basics/rows-and-columns",
    "/courses/<course_slug>/<lesson_slug>/complete": "/courses/spreadsheet-basics/rows-and-columns/complete",
    "/courses/<course_slug>/<lesson_slug>/answers": "/courses/spreadsheet-basics/rows-and-columns/answers",
    "/courses/<course_slug>/<lesson_slug>/download/<path:filename>": (
        "/courses/spreadsheet-basics/rows-and-columns/download/regions.csv"
    ),
    "/where-should-i-start": "/where-should-i-start",
    "/where-should-i-start/questions": "/where-should-i-start/questions",
    "/where-should-i-start/result": "/where-should-i-start/result",
    "/where-should-i-start/download/<path:filename>": "/where-should-i-start/download/calls.csv",
    "/pathways": "/pathways",
    "/pathways/choose": "/pathways/choose",
    "/exercises/<slug>": "/exercises/count-the-regions",
    "/exercises/<slug>/answers": "/exercises/count-the-regions/answers",
    "/exercises/<slug>/download/<path:filename>": "/exercises/count-the-regions/download/regions.csv",
    "/my-training-record": "/my-training-record",
    "/my-training-record/download": "/my-training-record/download",
    "/my-training-record/pdf": "/my-training-record/pdf",
    "/my-training-record/certificate": "/my-training-record/certificate",
    "/outside-learning/new": "/outside-learning/new",
    "/outside-learning/<int:entry_id>/edit": "/outside-learning/1/edit",
    "/outside-learning/<int:entry_id>/delete": "/outside-learning/1/delete",
    "/outside-learning/<int:entry_id>/evidence": "/outside-learning/1/evidence",
    "/content-checks": "/content-checks",
    "/authoring": "/authoring",
    "/authoring/courses/<course_slug>": "/authoring/courses/spreadsheet-basics",
    "/sign-out": "/sign-out",
    "/my-team": "/my-team",
    "/my-team/download": "/my-team/download",
    "/my-team/people/<int:person_id>": "/my-team/people/1",
    "/my-team/outside-learning": "/my-team/outside-learning",
    "/my-team/outside-learning/<int:entry_id>/confirm": "/my-team/outside-learning/1/confirm",
    "/my-team/outside-learning/<int:entry_id>/send-back": "/my-team/outside-learning/1/send-back",
    "/reports/organisation": "/reports/organisation",
    "/reports/organisation/download": "/reports/organisation/download",
    "/reports/departments/<int:department_id>/settings": "/reports/departments/1/settings",
    "/admin/people/import": "/admin/people/import",
    "/admin/people/<int:person_id>/manager": "/admin/people/1/manager",
    "/admin/people/<int:person_id>/account": "/admin/people/1/account",
    "/admin/people/<int:person_id>/invite": "/admin/people/1/invite",
    "/admin/people/<int:person_id>/end-sessions": "/admin/people/1/end-sessions",
    "/admin/people/invitations": "/admin/people/invitations",
    "/admin/people/<int:person_id>/certificates": "/admin/people/1/certificates",
    "/admin/certificates/<int:certificate_id>/revoke": "/admin/certificates/1/revoke",
    "/admin/audit-log": "/admin/audit-log",
    "/admin/audit-log/download": "/admin/audit-log/download",
    "/account": "/account",
    "/account/password": "/account/password",
    "/account/sign-out-everywhere": "/account/sign-out-everywhere",
    "/account/reminders": "/account/reminders",
    "/admin/reminders": "/admin/reminders",
}
POST_ONLY = {
    "/pathways/choose",
    "/admin/certificates/<int:certificate_id>/revoke",
    "/admin/people/<int:person_id>/invite",
    "/admin/people/<int:person_id>/end-sessions",
    "/account/sign-out-everywhere",
    "/courses/<course_slug>/<lesson_slug>/complete",
    "/courses/<course_slug>/<lesson_slug>/answers",
    "/exercises/<slug>/answers",
    "/sign-out",
    "/my-team/outside-learning/<int:entry_id>/confirm",
    "/reports/departments/<int:department_id>/settings",
}
GET_AND_POST = {
    "/where-should-i-start/questions",
    "/account/reminders",
    "/admin/people/invitations",
    "/account/password",
    "/my-team/outside-learning/<int:entry_id>/send-back",
    "/admin/people/import",
    "/admin/people/<int:person_id>/manager",
    "/outside-learning/new",
    "/outside-learning/<int:entry_id>/edit",
    "/outside-learning/<int:entry_id>/delete",
}
PRIVATE_GET = [path for rule, path in PRIVATE.items() if rule not in POST_ONLY]
PRIVATE_POST = [path for rule, path in PRIVATE.items() if rule in POST_ONLY | GET_AND_POST]
AUTHOR_ONLY = ["/content-checks", "/authoring", "/authoring/courses/spreadsheet-basics"]
