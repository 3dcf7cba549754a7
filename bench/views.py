from django.shortcuts import render


def bare(request):
    """The framework's limit: a template extending the base layout, and no database."""
    return render(request, "bench/bare.html")
