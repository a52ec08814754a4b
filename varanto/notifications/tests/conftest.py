from varanto.testing.smtp import smtp_server  # noqa: F401  (the local SMTP server fixture)
