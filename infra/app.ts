/** The CDK entry point (`cdk.json`): `npm run synth`, `npx cdk deploy -c stage=prod -c senderEmail=…`. */

import { buildApp } from './build-app.js';

buildApp().app.synth();
