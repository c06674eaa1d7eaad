"""MkDocs integration: the coachref plugin (generate pages before a build, publish them, add the CSP and the check
page's libraries), the build target's safety, the navigation, and the publishing of a built site."""
