"""Error pages in Chinese. A refused oversized upload posted without the page's script reaches the CSRF
check with an empty body (the body is never read): the page then says why the upload was refused."""

from __future__ import annotations

from django.shortcuts import render


def csrf_failure(request, reason: str = ""):  # noqa: ARG001 - Django's CSRF_FAILURE_VIEW signature
    refused = getattr(request, "upload_refused", None)
    return render(request, "403_csrf.html", {"upload_refused": str(refused) if refused else ""}, status=403)
