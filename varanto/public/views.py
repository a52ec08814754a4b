from django.shortcuts import render

from varanto.catalog.selectors import organizations_with_catalog


def front_page(request):
    """A plain list of the sections and resources of each organisation's catalogue."""
    return render(request, "public/front.html", {"organizations": organizations_with_catalog()})
