// Starts Swagger UI from the locally served bundle (no CDN, no inline script).
"use strict";
window.addEventListener("load", function () {
  if (typeof window.SwaggerUIBundle !== "function") { return; }
  window.SwaggerUIBundle({
    url: "/api/docs/openapi-3.0.json",
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
  });
});
