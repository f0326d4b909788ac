"""GOV.UK Frontend's and the app's own CSS, JavaScript and fonts, served by the app itself at /assets."""


def test_static_assets_are_served_by_the_app_itself(client):
    def fetch(path):
        with client.get(path) as response:  # WhiteNoise streams files: close them
            return response.status_code, response.get_data()

    for path in ("/assets/govuk-frontend.min.css", "/assets/govuk-frontend.min.js", "/assets/app.css"):
        assert fetch(path)[0] == 200, path
    css = fetch("/assets/govuk-frontend.min.css")[1].decode()
    assert "/assets/fonts/" in css
    font = css.split("/assets/fonts/")[1].split(")")[0].strip("\"'")
    assert fetch(f"/assets/fonts/{font}")[0] == 200
