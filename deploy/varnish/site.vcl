# Varnish (Debian's package) in front of the site: it keeps what the site says it may keep
# (Cache-Control: public with s-maxage on pages, max-age on the APIs), passes whatever is personal
# and takes the site's purges. Install: /etc/varnish/default.vcl, with the backend below set to
# gunicorn's address, and FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:6081 for the site.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Only the site's own processes may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # "Everything under this address": the site purges / after each change
        # (caching/purge.py), and Wagtail a page's own address when it is published.
        ban("obj.http.x-url ~ ^" + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in editors, a page password passed, API tokens: always from the site.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # The admin and documents are never kept (documents may be private).
    if (req.url ~ "^/(admin|documents|django-admin)/") {
        return (pass);
    }
    # Other cookies (a CSRF token) change no public answer: kept answers are shared. Answers that
    # set a cookie or say private / no-store are not kept (Varnish's built-in rules).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # What bans match against (bans on objects, so that Varnish's ban lurker can clean up).
    set beresp.http.x-url = bereq.url;
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
