import { auditorChapter } from './story-auditor.js';
import { screenshotsChapter } from './story-screenshots.js';
import { secretariatChapter } from './story-secretariat.js';
import { stewardChapter } from './story-steward.js';
import { setUpStory } from './story.js';

/** The whole 24/130 story through the desk alone; each chapter builds on the one before. */
describe('the desk, 24/130 from the published text to its destruction', () => {
  setUpStory();
  secretariatChapter();
  stewardChapter();
  auditorChapter();
  screenshotsChapter();
});
