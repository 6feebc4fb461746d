import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { setupI18n } from "./i18n";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/components.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

await setupI18n();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
