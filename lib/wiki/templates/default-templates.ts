// The templates every tenant starts with (lib/wiki/templates/templates.ts
// gives them once; admins change or delete them afterwards).

export const DEFAULT_TEMPLATES = [
  {
    name: 'Meeting notes',
    description: 'Attendees, agenda, decisions and action items.',
    body: `**Date:** \n\n**Attendees:** \n\n## Agenda\n\n1. \n\n## Notes\n\n## Decisions\n\n> [!NOTE]\n> Write down what was decided and why, for those who were not there.\n\n## Action items\n\n- [ ] Who does what, by when\n`,
  },
  {
    name: 'Team page',
    description: 'What a team does, who is in it and how to reach it.',
    body: `## What we do\n\n## Who we are\n\n| Name | Role | Ask them about |\n| --- | --- | --- |\n|  |  |  |\n\n## How to reach us\n\n- Channel: \n- On call: \n\n## How we work\n`,
  },
  {
    name: 'Onboarding checklist',
    description: 'A new colleague’s first weeks, step by step.',
    body: `> [!TIP]\n> Copy this page for each new colleague and tick the boxes as you go.\n\n## Before day one\n\n- [ ] Laptop and accounts ready\n- [ ] Buddy chosen\n\n## Week one\n\n- [ ] Meet the team\n- [ ] Fill in your profile and skills\n- [ ] Read the team page\n\n## Month one\n\n- [ ] First project shipped\n- [ ] Check-in with your manager\n`,
  },
] as const;
