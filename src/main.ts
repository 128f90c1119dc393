import './ui/app/apparat-app.ts';
