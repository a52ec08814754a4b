"""The public's subscription pages: ask, confirm (double opt-in), unsubscribe (one click, RFC 8058).

Confirming and unsubscribing are POSTs: a GET of the link only shows the button, so that a mail
scanner following links changes nothing. The unsubscribe POST needs no CSRF token, as a mail
program sends it itself (List-Unsubscribe-Post); its signed token is what authorises it.
"""

from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from varanto.core.addresses import public_base_url
from varanto.public.pages import publication_page_context

from . import subscriptions
from .forms import SubscribeForm


def _page(request, org: str, template: str, status: int = 200, **extra):
    context = {**publication_page_context(request, org), **extra}
    return render(request, f"notifications/{template}.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request, org: str):
    context = publication_page_context(request, org)
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscriptions.subscription_request(
            organization=context["publication"].organization,
            email=form.cleaned_data["email"],
            language=get_language(),
            base_url=public_base_url(request),
        )
        return _page(request, org, "subscribe_sent", email=form.cleaned_data["email"])
    return _page(request, org, "subscribe", status=400 if form.errors else 200, form=form)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, org: str, token: str):
    try:
        subscription = (
            subscriptions.subscription_confirm(token=token)
            if request.method == "POST"
            else subscriptions.subscription_for_confirm(token=token)
        )
    except subscriptions.TokenInvalid:
        return _page(request, org, "subscription_invalid", status=400)
    return _page(request, org, "subscription_confirm", subscription=subscription, done=request.method == "POST")


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, org: str, token: str):
    try:
        if request.method == "POST":
            subscriptions.subscription_cancel(token=token)
            return _page(request, org, "unsubscribe", done=True)
        subscription = subscriptions.subscription_for_unsubscribe(token=token)
    except subscriptions.TokenInvalid:
        return _page(request, org, "subscription_invalid", status=400)
    return _page(request, org, "unsubscribe", subscription=subscription, done=False)
