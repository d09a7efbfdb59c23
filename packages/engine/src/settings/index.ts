export * from './council-settings.js';
export * from './nation-words.js';
