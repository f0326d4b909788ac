"""Helpers shared by the tests, one module per kind. Tests import from these modules (tests.helpers.accounts,
...), never from a conftest or another test file; conftest files hold fixtures only.

accounts      PASSWORD, make_user, make_imported_person, and the Flask test client's sign_in, sign_out,
              csrf_token, post_form, link_path and choose_password
rows          make_* row factories for every kind of row, and course_item to look up synced content
organisation  the test organisation (its HR file rows and build_organisation)
html          parse, get_page and Page: assertions on parsed elements, not on substrings of markup
downloads     csv_rows, to read a CSV download
routes        every route with an example path, and which methods it takes
paths         the project root and the fixture content, and copy_fixture_content
database      which database the tests run on, and emptying it between tests
postgres      a throwaway PostgreSQL cluster
browser       Chromium's settings, the axe checker and browser_sign_in for Playwright's page
lite          a small exercise and a wheel cache for the notebook-site tests
servers       serving: the test app on a real loopback port, in a thread
clients       the test client that starts each request with an empty `g`, as production does
smtp          the session's real SMTP server (aiosmtpd), to read the email a test sent
notify_standin  a local stand-in for GOV.UK Notify that checks the client's real JWT
oidc          the session's real OpenID provider (npm oidc-provider) and the steps of signing in through it
"""
