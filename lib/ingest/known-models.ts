// The one maintained list of well-known model and vendor names that leak screening looks for in
// self-references ("I'm Alpaca", "trained by Meta"). Names of models in the store are added at upload.
//
// Add new names here. A name alone is never a leak (alpaca, llama, falcon and gemini are ordinary
// words); it counts only inside a self-reference, and not when the instruction names it too.

export const KNOWN_MODEL_NAMES: readonly string[] = Object.freeze([
  "chatgpt", "gpt-3", "gpt-3.5", "gpt-4", "gpt-4o", "gpt-5", "gpt-j", "gpt-neox", "davinci", "text-davinci-003",
  "instructgpt", "codex",
  "claude", "claude 2", "claude 3",
  "gemini", "bard", "palm", "palm 2", "lamda", "gemma", "flan-t5",
  "llama", "llama 2", "llama 3", "alpaca", "vicuna", "koala", "guanaco", "wizardlm", "orca", "tulu", "zephyr",
  "mistral", "mixtral", "falcon", "qwen", "deepseek", "yi-34b", "phi-2", "phi-3", "grok", "ernie bot",
  "dolly-v2", "stablelm", "bloom", "bloomz", "pythia", "openchat", "starling", "command r", "jurassic",
  "copilot", "bing chat",
]);

/** Organisations that make models: "trained by V", "as an AI developed by V". */
export const KNOWN_VENDORS: readonly string[] = Object.freeze([
  "openai", "anthropic", "google", "google deepmind", "deepmind", "meta", "meta ai", "facebook", "microsoft",
  "stanford", "stanford university", "lmsys", "berkeley", "uc berkeley", "mistral ai", "cohere", "ai21 labs",
  "hugging face", "huggingface", "eleutherai", "databricks", "stability ai", "alibaba", "alibaba cloud", "baidu",
  "tsinghua", "allen institute for ai", "ai2", "nvidia", "amazon", "xai", "deepseek", "technology innovation institute",
]);
