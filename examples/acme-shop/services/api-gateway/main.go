// Command api-gateway routes public Acme Shop traffic to the internal services.
package main

import (
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"time"
)

func env(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// newProxy returns a reverse proxy to target that gives up after timeout
// and answers 504 instead of holding the client connection open.
func newProxy(target string, timeout time.Duration) http.Handler {
	u, err := url.Parse(target)
	if err != nil {
		log.Fatalf("invalid upstream %q: %v", target, err)
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	proxy.Transport = &http.Transport{
		ResponseHeaderTimeout: timeout,
		MaxIdleConnsPerHost:   100,
		IdleConnTimeout:       90 * time.Second,
	}
	proxy.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		log.Printf("upstream %s failed for %s %s: %v", u.Host, r.Method, r.URL.Path, err)
		http.Error(w, "upstream unavailable", http.StatusGatewayTimeout)
	}
	return proxy
}

func main() {
	mux := http.NewServeMux()
	mux.Handle("/api/users/", newProxy(env("USER_SERVICE_URL", "http://localhost:3000"), 10*time.Second))
	mux.Handle("/api/payments/", newProxy(env("PAYMENT_SERVICE_URL", "http://localhost:8000"), 10*time.Second))
	mux.Handle("/webhooks/", newProxy(env("PAYMENT_SERVICE_URL", "http://localhost:8000"), 10*time.Second))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusOK)
	})

	srv := &http.Server{
		Addr:              env("LISTEN_ADDR", ":8080"),
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("api-gateway listening on %s", srv.Addr)
	log.Fatal(srv.ListenAndServe())
}
