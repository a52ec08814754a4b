from django.http import HttpResponse


def results(request, org):
    """Search results page: replaced by the search work (issue 4)."""
    return HttpResponse(status=501)
