// Made-up demo content (not from any real model): two fictional systems answering
// a few dozen everyday instructions in recognisably different styles.
export const DEMO_MODELS = ["tortoise-7b (demo)", "hare-13b (demo)"] as const;

type DemoPrompt = { instruction: string; input?: string; category: string; facts: [string, string, string] };

export const DEMO_PROMPTS: DemoPrompt[] = [
  { instruction: "Give three tips for staying focused while studying.", category: "advice", facts: ["Put your phone in another room", "Work in 25-minute blocks with short breaks", "Decide on one concrete goal before you start"] },
  { instruction: "Explain what a leap year is.", category: "explain", facts: ["A leap year has 366 days instead of 365", "The extra day, February 29, keeps the calendar aligned with Earth's orbit", "Years divisible by 4 are leap years, except centuries not divisible by 400"] },
  { instruction: "Suggest a name for a bakery that specialises in sourdough.", category: "creative", facts: ["Wild Rise Bakehouse", "The name hints at wild yeast", "It is short enough for a sign"] },
  { instruction: "Summarise the water cycle in plain language.", category: "explain", facts: ["Water evaporates from seas and lakes", "It cools into clouds and falls as rain or snow", "Rivers and groundwater carry it back to the sea"] },
  { instruction: "Write a polite email declining a meeting invitation.", category: "writing", facts: ["Thank the sender for the invitation", "Say briefly that you cannot attend", "Offer an alternative such as notes or another time"] },
  { instruction: "What are the main differences between a list and a tuple in Python?", category: "coding", facts: ["Lists are mutable, tuples are immutable", "Tuples can be used as dictionary keys", "Lists use square brackets, tuples use parentheses"] },
  { instruction: "Convert the temperature to Fahrenheit.", input: "25 °C", category: "math", facts: ["Multiply by 9/5 and add 32", "25 × 9/5 = 45", "45 + 32 = 77 °F"] },
  { instruction: "Give a short packing list for a weekend hiking trip.", category: "advice", facts: ["Water and a filter", "Layers including a rain jacket", "Map, headlamp and a small first-aid kit"] },
  { instruction: "Explain recursion to a ten-year-old.", category: "explain", facts: ["Recursion is when something is defined using a smaller version of itself", "Like Russian dolls, each one holds a smaller one", "You stop when you reach the smallest doll"] },
  { instruction: "Rewrite the sentence in the passive voice.", input: "The committee approved the new budget.", category: "writing", facts: ["The new budget was approved by the committee", "The object becomes the subject", "The verb takes the form 'was approved'"] },
  { instruction: "List three benefits of regular exercise.", category: "health", facts: ["Better sleep", "Lower risk of heart disease", "Improved mood and energy"] },
  { instruction: "Write a haiku about autumn rain.", category: "creative", facts: ["Cold rain on red leaves", "the gutter hums a low song", "tea steams by the glass"] },
  { instruction: "How do I reverse a string in JavaScript?", category: "coding", facts: ["Split it into characters", "Reverse the array", "Join it back: [...s].reverse().join('')"] },
  { instruction: "Classify the animal as mammal, bird, reptile or fish.", input: "penguin", category: "classification", facts: ["A penguin is a bird", "It has feathers and lays eggs", "It cannot fly but swims well"] },
  { instruction: "Suggest a vegetarian dinner that takes under 30 minutes.", category: "advice", facts: ["Chickpea and spinach curry", "Use canned chickpeas and coconut milk", "Serve with rice or flatbread"] },
  { instruction: "Explain the difference between weather and climate.", category: "explain", facts: ["Weather is the state of the atmosphere over hours or days", "Climate is the average over decades", "A cold day does not disprove a warming climate"] },
  { instruction: "Write an opening line for a mystery novel.", category: "creative", facts: ["The lighthouse keeper had been dead for three days", "yet the lamp still turned every night", "and nobody in the village would say who lit it"] },
  { instruction: "What is the capital of Australia?", category: "facts", facts: ["The capital is Canberra", "It was chosen as a compromise between Sydney and Melbourne", "Parliament moved there in 1927"] },
  { instruction: "Give feedback on this thesis statement.", input: "Social media is bad.", category: "writing", facts: ["It is too broad to argue well", "Name a specific effect and group", "For example: heavy social media use harms teenagers' sleep"] },
  { instruction: "Explain what an API is.", category: "coding", facts: ["An API is a contract for how programs talk to each other", "It lists the requests you can make and the answers you get", "A weather app uses a weather service's API"] },
  { instruction: "Calculate the area of a circle with radius 3 cm.", category: "math", facts: ["Area is π r²", "3² = 9", "9π ≈ 28.27 cm²"] },
  { instruction: "Propose a fun team-building activity for a remote team.", category: "advice", facts: ["An online escape room", "Mix people from different teams", "Keep it under an hour"] },
  { instruction: "Describe the taste of a lemon to someone who has never had one.", category: "creative", facts: ["Sharply sour, making your mouth water", "A bright, fresh smell", "A faint bitterness from the peel"] },
  { instruction: "What should I check before buying a used bicycle?", category: "advice", facts: ["The frame for cracks or rust", "Brakes and gears shift smoothly", "Wheels spin true without wobbling"] },
  { instruction: "Translate the phrase into French.", input: "Where is the train station?", category: "translation", facts: ["Où est la gare ?", "'La gare' is the station", "Add 's'il vous plaît' to be polite"] },
  { instruction: "Explain why the sky is blue.", category: "explain", facts: ["Sunlight contains all colours", "Air molecules scatter short blue wavelengths more", "So blue light reaches us from every direction"] },
  { instruction: "Write a SQL query that counts orders per customer.", category: "coding", facts: ["SELECT customer_id, COUNT(*) FROM orders", "GROUP BY customer_id", "Add ORDER BY 2 DESC to see the biggest first"] },
  { instruction: "Give two arguments for and against school uniforms.", category: "reasoning", facts: ["For: they reduce visible differences in wealth", "For: mornings are simpler", "Against: they limit self-expression and cost money"] },
  { instruction: "Suggest a title for a talk about evaluating chatbots with human raters.", category: "creative", facts: ["Ask the Humans", "What Raters See That Metrics Miss", "Blind Pairs, Clear Answers"] },
  { instruction: "Explain compound interest with an example.", category: "math", facts: ["Interest is earned on earlier interest too", "100 at 10% becomes 110, then 121", "After 10 years it is about 259"] },
];

/** The concise, plain style of the first demo model. */
export function tortoiseAnswer(p: DemoPrompt): string {
  return `${p.facts[0]}. ${p.facts[1]}.`;
}

/** The longer, structured style of the second demo model. */
export function hareAnswer(p: DemoPrompt): string {
  return `Here is a clear answer:\n\n- ${p.facts[0]}\n- ${p.facts[1]}\n- ${p.facts[2]}\n\nI hope this helps!`;
}
