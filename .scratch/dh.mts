import sharp from 'sharp';
import { differenceHash, hashSimilarity } from '/work/wt/reboot/src/images/dhash.ts';
import { testPicture } from '/work/wt/reboot/test/helpers/image-server.ts';
const o = await differenceHash(await testPicture());
for (const b of [await testPicture({ width: 160, height: 120, format: 'jpeg', quality: 60 }), await testPicture({ width: 640, height: 480, format: 'webp', quality: 50 }), await sharp(await testPicture()).resize(200,150).jpeg({quality:40}).toBuffer(), await testPicture({variant:1}), await testPicture({variant:2}), await testPicture({variant:3})])
  console.log(hashSimilarity(o, await differenceHash(b)));
