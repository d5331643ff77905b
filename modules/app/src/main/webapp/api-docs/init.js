// Kept out of index.html so that the page works under a Content-Security-Policy without 'unsafe-inline'.
window.ui = SwaggerUIBundle({ url: "/openapi?format=json", dom_id: "#swagger-ui", deepLinking: true });
