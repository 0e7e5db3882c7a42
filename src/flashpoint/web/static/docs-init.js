// Starts Swagger UI on /docs from a file (not an inline script), so the page's
// Content-Security-Policy can allow scripts from this server only.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
