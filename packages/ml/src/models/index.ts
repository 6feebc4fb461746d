// Importing this module registers every knowledge-tracing model (baselines, then the tfjs deep models).
import "./baselines/index";
import "./deep/index";
